{# Cover letter. The data is the sample agreement. #}
::: style small right
{{ place.en }}, {{ signed | date_en }}
:::

# Memorandum {{ id | upper }}

Dear partners,

Please find enclosed the signed {{ title.en }}, agreed between
{% for p in parties %}{{ p.name.en }}{% if not loop.last %}{% if loop.index == 1 and loop.length == 2 %} and {% else %}, {% endif %}{% endif %}{% endfor %}.

## Articles

{% for a in articles %}
1. {{ a.title.en }}
{% endfor %}

{% include "clauses/office" %}

\pagebreak
::: keep
Yours sincerely,

{% for p in parties %}
- {{ p.signatory.name.en }}, {{ p.signatory.title.en }}{% if p.signatory.office %} ({{ p.signatory.office.en }}){% endif %}
{% endfor %}
:::
