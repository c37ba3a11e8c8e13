{# A notice in both languages; shows pairs, ordered lists, data that looks like markup. #}
::: style heading center
::: pair
# សេចក្តីជូនដំណឹងលេខ {{ no | khmer_digits }}/{{ year | khmer_digits }}
--- en
# Notice No. {{ no }}/{{ year }}
:::
:::
{% if urgent %}
::: style small center
ប្រញាប់ / URGENT
:::
{% endif %}

::: pair
{% for it in items %}
1. {{ it.km }} ({{ it.at | date_km }})
{% endfor %}
--- en
{% for it in items %}
1. {{ it.en }} ({{ it.at | date_en }})
{% endfor %}
:::

Note: {{ note }}
\space 24
::: signatures
::: signer
party: office
name-en: Secretariat
:::
:::
