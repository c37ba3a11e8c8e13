{{ parties | join(", ") }}
{{ term.years | first }}
