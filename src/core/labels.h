/* The words for database codes (statuses, priorities, channels, clocks), so
 * every screen names them alike and translators see each once. */
#ifndef FRONTLINE_LABELS_H
#define FRONTLINE_LABELS_H

/* Each returns an untranslated label (pass it through _() to show it), or
 * the code itself when it is unknown. Borrowed. */
const char *label_status(const char *code);
const char *label_priority(const char *code);
const char *label_channel(const char *code);
const char *label_clock(const char *code);

/* Sort rank of a priority: urgent 0 .. low 3, unknown 4. */
int label_priority_rank(const char *code);

#endif
