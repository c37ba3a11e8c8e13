{% include "main" %}
