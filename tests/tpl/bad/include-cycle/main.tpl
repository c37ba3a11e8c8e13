{% include "clauses/a" %}
