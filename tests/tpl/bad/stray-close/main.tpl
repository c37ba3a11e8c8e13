# {{ title.en }}
:::
