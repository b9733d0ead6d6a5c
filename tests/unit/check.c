/* Text assertions for the unit tests. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "check.h"

char *
check_escape(const char *s)
{
	size_t	 len = strlen(s), i, o = 0;
	char	*out = malloc(len * 4 + 1);

	if (out == NULL)
		abort();
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7f && c != '\\')
			out[o++] = (char)c;
		else
			o += (size_t)sprintf(out + o, "\\x%02x", c);
	}
	out[o] = '\0';
	return out;
}

void
check_string(const char *what, const char *got, const char *want)
{
	char	*g, *w;

	if (strcmp(got, want) == 0)
		return;
	g = check_escape(got);
	w = check_escape(want);
	print_error("%s:\n  got  \"%s\"\n  want \"%s\"\n", what, g, w);
	free(g);
	free(w);
	fail();
}

void
check_int(const char *what, long got, long want)
{
	if (got == want)
		return;
	print_error("%s: got %ld, want %ld\n", what, got, want);
	fail();
}
