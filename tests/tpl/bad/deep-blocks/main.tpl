::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
::: keep
Kept together.
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
:::
