::: pair
{{ title.km }}
:::
