{# The approval-checklist cover sheet, Khmer and English.
   Reads the checklist that sanya computes (docs/templates.md, "The cover
   sheet"): agreement, as_of, changes, steps, term, renew_by, renewal. #}
::: style title center
::: pair
បញ្ជីត្រួតពិនិត្យការអនុម័ត
--- en
APPROVAL CHECKLIST
:::
:::

::: style body center
::: pair
{{ agreement.title.km }} ({{ agreement.id }})
--- en
{{ agreement.title.en }} ({{ agreement.id }})
:::
:::

::: style small center
::: pair
ស្ថានភាពគិតត្រឹម{{ as_of | date_km }}
--- en
Status as of {{ as_of | date_en }}
:::
:::

{# Leadership changes come first: they stop a signing. #}
{% for c in changes %}
::: style banner left
::: pair
ការដឹកនាំបានផ្លាស់ប្តូរ៖ ត្រូវការការអនុម័តឡើងវិញ។ {{ c.office_title.km }} ({{ c.office }})៖ {% if c.old | default(none) %}{{ c.old.km }}{% else %}(ទំនេរ){% endif %} ត្រូវបានជំនួសដោយ {{ c.new.km }} ចាប់ពី{{ c.date | date_km }}
--- en
Leadership changed: re-approval required. {{ c.office_title.en }} ({{ c.office }}): {% if c.old | default(none) %}{{ c.old.en }}{% else %}(vacant){% endif %}, succeeded by {{ c.new.en }} since {{ c.date | date_en }}
:::
:::
{% endfor %}

{# the checklist's heading: the header row of its table (tagged PDF) #}
::: style checklist-head left
::: pair
ការអនុម័តដែលត្រូវការមុនពេលចុះហត្ថលេខា
--- en
Approvals required before signing
:::
:::

{% for s in steps %}
{% if s.state == "approved" %}
::: style check-done left
{% include "cover/row" %}
:::
{% else %}
::: style check-open left
{% include "cover/row" %}
:::
{% endif %}
{% endfor %}

::: style heading left
::: pair
អាណត្តិ និងការបន្ត
--- en
Term and renewal
:::
:::

{% if term.given %}
::: style body left
::: pair
អាណត្តិ {{ term.years | khmer_digits }} ឆ្នាំ៖ ពី{{ term.start | date_km }} ដល់{{ term.end | date_km }}។ {% if term.renewal > 0 %}ការបន្តលើកទី{{ term.renewal | khmer_digits }}{% else %}អនុស្សរណៈលើកដំបូង{% endif %}។
--- en
Term of {{ term.years }} years: from {{ term.start | date_en }} to {{ term.end | date_en }}. {% if term.renewal > 0 %}This is the {{ term.renewal | ordinal_en }} renewal{% else %}First agreement (no renewal yet){% endif %}.
:::
:::

{% if renewal == "fine" %}
::: style body left
{% include "cover/renewal" %}
:::
{% else %}
::: style banner left
{% include "cover/renewal" %}
:::
{% endif %}
{% else %}
::: style body left
::: pair
អនុស្សរណៈនេះមិនបានកំណត់អាណត្តិទេ។
--- en
This agreement states no term.
:::
:::
{% endif %}

{# The approvals of the term this agreement renews (sanya renew keeps them). #}
{% if agreement.previous_approvals | default(none) %}
::: style heading left
::: pair
ការអនុម័តនៃអាណត្តិមុន
--- en
Approvals of the previous term
:::
:::

{% for a in agreement.previous_approvals %}
::: style small left
{% include "cover/previous" %}
:::
{% endfor %}
{% endif %}
