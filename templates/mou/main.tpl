{# Memorandum of understanding, Khmer and English.
   Reads: title, parties, preamble, place, signed, lunar_override, articles
   (see docs/agreement-schema.md and docs/templates.md). #}
::: style motto center km
ព្រះរាជាណាចក្រកម្ពុជា

ជាតិ សាសនា ព្រះមហាក្សត្រ
:::
\rule

{# The issuing bodies stand at the top left: the government parties. #}
::: style party left km
{% for p in parties %}
{% if p.kind == "government" %}
{{ p.name.km }}

{% endif %}
{% endfor %}
:::

\space 10pt
::: style title center
::: pair
{{ title.km }}
--- en
{{ title.en | upper }}
:::
:::

::: style body justify
::: pair
រវាង {{ parties | map("name.km") | join(" ", " និង ") }}
--- en
between {{ parties | map("name.en") | join(", ", " and ") }}
:::

{% if preamble | default(none) %}
::: pair
{{ preamble.km }}
--- en
{{ preamble.en }}
:::
{% endif %}

{% for a in articles %}
::: pair
::: article {{ a.title.km }}
{{ a.body.km }}
:::
--- en
::: article {{ a.title.en }}
{{ a.body.en }}
:::
:::

{% endfor %}
{% include "clauses/copies" %}
:::

::: keep
::: style body right
::: pair
{% if lunar_override | default(none) %}
{{ lunar_override.date_line_km }}
{% else %}
{{ signed | lunar_km }}
{% endif %}

ត្រូវនឹង{{ signed | date_km }}

ធ្វើនៅ{{ place.km }}
--- en
Done at {{ place.en }}, {{ signed | date_en }}
:::
:::

::: signatures
{% for p in parties %}
::: signer
party: {{ p.id }}
name-km: {{ p.signatory.name.km }}
name-en: {{ p.signatory.name.en }}
title-km: {{ p.signatory.title.km }}
title-en: {{ p.signatory.title.en }}
seal: yes
:::
{% endfor %}
:::
:::
