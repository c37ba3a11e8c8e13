{# Amendments and disputes: the same for every memorandum. #}
::: pair
::: article វិសោធនកម្ម និងវិវាទ
វិសោធនកម្មលើអនុស្សរណៈនេះ ត្រូវធ្វើឡើងជាលាយលក្ខណ៍អក្សរ ដោយមានការយល់ព្រមពីភាគីទាំងអស់។

វិវាទទាំងឡាយដែលកើតឡើងពីការអនុវត្តអនុស្សរណៈនេះ ត្រូវដោះស្រាយដោយការចរចាដោយសន្តិវិធី។
:::
--- en
::: article Amendments and disputes
This Memorandum may be amended only in writing, with the agreement of all the parties.

Any dispute arising from this Memorandum shall be settled amicably by negotiation.
:::
:::
