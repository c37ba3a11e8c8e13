{# prints nothing #}
