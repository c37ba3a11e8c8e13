::: artcle {{ title.en }}
:::
::: box
:::
