A
{% include "clauses/b" %}
