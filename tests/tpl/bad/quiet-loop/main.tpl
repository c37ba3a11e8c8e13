{% for i in 10000 | range %}
{% if (10000 | range | length) == 0 %}
never printed
{% endif %}
{% endfor %}
