{# Where to write to: only parties that give an office. #}
{% for p in parties %}
{% if p.signatory.office %}
Correspondence for {{ p.name.en }} goes to its office in {{ p.signatory.office.en | default("Phnom Penh") }}.
{% endif %}
{% endfor %}
