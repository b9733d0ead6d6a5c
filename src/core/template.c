/* Placeholder expansion for macros. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/template.h"
#include "xmalloc.h"

struct growbuf {
	char	*s;
	size_t	 len, cap;
};

static void
grow_add(struct growbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* The variable named by the bytes [name, name + n), spaces trimmed. */
static const struct template_var *
template_find(const char *name, size_t n, const struct template_var *vars)
{
	while (n > 0 && *name == ' ') {
		name++;
		n--;
	}
	while (n > 0 && name[n - 1] == ' ')
		n--;
	for (; vars->name != NULL; vars++)
		if (strlen(vars->name) == n && strncmp(vars->name, name, n) == 0)
			return vars;
	return NULL;
}

/* Walks text once: returns the expansion, or with want_unknown the first
 * placeholder no variable answers (NULL when there is none). */
static char *
template_walk(const char *text, const struct template_var *vars,
    int want_unknown)
{
	struct growbuf b = { NULL, 0, 0 };
	const char *p = text, *open, *close;
	const struct template_var *v;

	grow_add(&b, "", 0);
	while ((open = strstr(p, "{{")) != NULL &&
	    (close = strstr(open + 2, "}}")) != NULL) {
		grow_add(&b, p, (size_t)(open - p));
		v = template_find(open + 2, (size_t)(close - open - 2), vars);
		if (v == NULL && want_unknown) {
			free(b.s);
			return xstrndup(open, (size_t)(close + 2 - open));
		}
		if (v != NULL)
			grow_add(&b, v->value != NULL ? v->value : "",
			    strlen(v->value != NULL ? v->value : ""));
		else
			grow_add(&b, open, (size_t)(close + 2 - open));
		p = close + 2;
	}
	if (want_unknown) {
		free(b.s);
		return NULL;
	}
	grow_add(&b, p, strlen(p));
	return b.s;
}

char *
template_expand(const char *text, const struct template_var *vars)
{
	return template_walk(text, vars, 0);
}

char *
template_unknown(const char *text, const struct template_var *vars)
{
	return template_walk(text, vars, 1);
}
