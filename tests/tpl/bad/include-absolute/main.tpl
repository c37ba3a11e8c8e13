{% include "/etc/passwd" %}
