{# An agreement set English first, each English passage followed by its
   Khmer text, under a letterhead: the emblem and the names of the
   government parties. Reads: title, parties, preamble, place, signed,
   articles. #}
\image emblem

::: style letterhead
{% for p in parties %}
{% if p.kind == "government" %}
::: pair
{{ p.name.km }}
--- en
{{ p.name.en | upper }}
:::
{% endif %}
{% endfor %}
:::
\rule

::: style title center
::: pair
{{ title.km }}
--- en
{{ title.en }}
:::
:::

::: style body justify
::: pair
រវាង {{ parties | map("name.km") | join(" ", " និង ") }}
--- en
This agreement is made between {{ parties | map("name.en") | join(", ", " and ") }}.
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
:::

::: keep
::: style body right
::: pair
ធ្វើនៅ{{ place.km }} ត្រូវនឹង{{ signed | date_km }}
--- en
Signed at {{ place.en }} on {{ signed | date_en }}
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
