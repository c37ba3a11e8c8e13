{# Duration and renewal, from term.years and term.renewal ("automatic" or
   anything else for renewal by written agreement). #}
::: pair
::: article រយៈពេលអនុវត្ត
អនុស្សរណៈនេះមានសុពលភាពរយៈពេល {{ term.years | khmer_digits }} ឆ្នាំ គិតចាប់ពីថ្ងៃចុះហត្ថលេខា។
{% if term.renewal == "automatic" %}
អនុស្សរណៈនេះត្រូវបន្តដោយស្វ័យប្រវត្តិ លើកលែងតែភាគីណាមួយជូនដំណឹងជាលាយលក្ខណ៍អក្សរអំពីការបញ្ចប់។
{% else %}
ការបន្តអនុស្សរណៈនេះ ត្រូវធ្វើឡើងដោយការព្រមព្រៀងជាលាយលក្ខណ៍អក្សររបស់ភាគីទាំងអស់។
{% endif %}
:::
--- en
::: article Duration
This Memorandum is valid for {{ term.years }} years from the date of signature.
{% if term.renewal == "automatic" %}
It is renewed automatically unless a party gives written notice that it ends.
{% else %}
It may be renewed by written agreement of all the parties.
{% endif %}
:::
:::
