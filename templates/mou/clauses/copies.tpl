{# The closing formula on originals and languages, the same for every
   memorandum: numbered after the agreement's own articles. #}
::: pair
::: article ច្បាប់ដើម
អនុស្សរណៈនេះធ្វើឡើងជាច្បាប់ដើមចំនួន{{ parties | length | khmer_digits }}ច្បាប់ ជាភាសាខ្មែរ និងភាសាអង់គ្លេស ដែលមានតម្លៃគតិយុត្តស្មើគ្នា។ ក្នុងករណីមានការបកស្រាយខុសគ្នា អត្ថបទជាភាសាខ្មែរជាយោង។
:::
--- en
::: article Originals
This Memorandum is made in {{ parties | length }} originals in Khmer and English, both texts being equally authentic. In case of differing interpretation, the Khmer text prevails.
:::
:::
