{% include "clauses/outside" %}
