{# Memorandum of understanding, Khmer and English.
   Reads: title, parties, place, signed, term, articles (see docs/templates.md). #}
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

\space 12pt
::: style title center
::: pair
{{ title.km }}
--- en
{{ title.en | upper }}
:::
:::

::: style body justify
::: pair
អនុស្សរណៈនៃការយោគយល់នេះ ធ្វើឡើងរវាង {{ parties | map("name.km") | join(" ", " និង ") }} ។
--- en
This Memorandum of Understanding is made between {{ parties | map("name.en") | join(", ", " and ") }}.
:::

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
{% include "clauses/term" %}
{% include "clauses/amendment" %}
:::

::: keep
::: style body right
::: pair
{{ signed | lunar_km }}

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
title-km: {{ p.signatory.title.km }}{% if p.signatory.office %} {{ p.signatory.office.km }}{% endif %}
title-en: {{ p.signatory.title.en }}{% if p.signatory.office %}, {{ p.signatory.office.en }}{% endif %}
seal: yes
:::
{% endfor %}
:::
:::
