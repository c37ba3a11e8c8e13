{% include "../include-cycle/main" %}
