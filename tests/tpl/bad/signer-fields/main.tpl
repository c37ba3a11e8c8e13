::: signatures
::: signer
party: moi
nmae-km: x
::: keep
:::
:::
stray text
:::
::: signer
:::
