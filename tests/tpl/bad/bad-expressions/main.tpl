{% if title.en = "x" %}
{% endif %}
{{ title.en | }}
{{ "unterminated }}
{% if %}
{% endif %}
{% frobnicate %}
{{ a b }}
