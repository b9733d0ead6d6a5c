/* Assertions shared by the unit tests that compare text: a failure shows
 * both sides with bytes as C escapes, so it never sends raw controls to the
 * terminal that runs the tests. Call inside a cmocka test. */
#ifndef FRONTLINE_TESTS_CHECK_H
#define FRONTLINE_TESTS_CHECK_H

/* Shows bytes as C escapes; the caller frees. */
char *check_escape(const char *s);

/* Fails the test, saying what, unless got equals want. */
void check_string(const char *what, const char *got, const char *want);
void check_int(const char *what, long got, long want);

#endif
