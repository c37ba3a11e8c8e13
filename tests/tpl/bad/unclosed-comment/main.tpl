{# a comment
that never ends
