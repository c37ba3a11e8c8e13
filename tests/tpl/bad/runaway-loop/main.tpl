{% for i in 100 | range %}
{% for j in 101 | range %}
- {{ i }}.{{ j }}
{% endfor %}
{% endfor %}
