::: signatures
::: signer
party: moi
nmae-km: x
:::
stray text
:::
