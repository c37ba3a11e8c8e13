{# The date renewal must start by, and how near it is (renewal: fine, due or past). #}
::: pair
ការបន្តត្រូវចាប់ផ្តើមមុន{{ renew_by | date_km }}{% if renewal == "past" %}៖ ហួសកាលកំណត់ហើយ។{% elif renewal == "due" %}៖ នៅសល់តិចជាងប្រាំមួយខែ។{% else %}។{% endif %}
--- en
Renewal must start by {{ renew_by | date_en }}{% if renewal == "past" %}: this date has passed.{% elif renewal == "due" %}: less than six months away.{% else %}.{% endif %}
:::
