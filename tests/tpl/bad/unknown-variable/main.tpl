{{ titel.en }}
{% for p in parties %}
{{ p.signatory.nmae.en }}
{% endfor %}
