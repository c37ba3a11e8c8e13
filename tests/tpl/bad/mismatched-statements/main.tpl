{% for p in parties %}
{{ p.id }}
{% endif %}
{% endfor %}
{% else %}
