/* Internal: the shipped Khmer no-break word list (words_km.c). */
#ifndef SY_TEXT_WORDS_H
#define SY_TEXT_WORDS_H

extern const char *const sy_text_words_km[];
extern const unsigned sy_text_words_km_count;

#endif
