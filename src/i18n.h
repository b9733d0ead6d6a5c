/* gettext in one place: every string a person reads goes through _(). */
#ifndef FRONTLINE_I18N_H
#define FRONTLINE_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(s1, s2, n) ngettext(s1, s2, n)
#else
#define _(s) (s)
#define P_(s1, s2, n) ((n) == 1 ? (s1) : (s2))
#endif
/* Marks a string for translation where it is defined, translated where used. */
#define N_(s) (s)

#endif
