::: pair
{{ title.km }}
--- en
{{ title.en }}
