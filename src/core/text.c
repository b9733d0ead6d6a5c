/* Sanitizing, measuring, fitting and wrapping of untrusted UTF-8 text. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmalloc.h"

/*
 * Widths come from this table, never from wcwidth(3): the answer must not
 * depend on the locale the console started in (under LC_ALL=C wcwidth calls
 * every non-ASCII character unprintable) nor on the C library's Unicode
 * version, and a cut made here must match the cells curses will use.
 *
 * Generated from Unicode 14 data: East Asian Width W and F take 2 columns
 * (A takes 1, as in a terminal that is not set up for CJK); general categories
 * Mn, Me and Cf, and the conjoining Hangul vowels and finals, take 0, except
 * the visible prepended concatenation marks (U+0600..U+0605 and kin). Like
 * glibc, U+3248..U+324F and the Yijing hexagrams are wide; for every assigned
 * code point the table agrees with glibc 2.36 in C.UTF-8. Unassigned code
 * points in the CJK and emoji blocks count as wide, since that is where new
 * wide characters land. Code points below U+0300 are 1 column.
 */

static const struct text_range text_zero_width[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x05bf, 0x05bf }, { 0x05c1, 0x05c2 }, { 0x05c4, 0x05c5 },
	{ 0x05c7, 0x05c7 }, { 0x0610, 0x061a }, { 0x061c, 0x061c },
	{ 0x064b, 0x065f }, { 0x0670, 0x0670 }, { 0x06d6, 0x06dc },
	{ 0x06df, 0x06e4 }, { 0x06e7, 0x06e8 }, { 0x06ea, 0x06ed },
	{ 0x0711, 0x0711 }, { 0x0730, 0x074a }, { 0x07a6, 0x07b0 },
	{ 0x07eb, 0x07f3 }, { 0x07fd, 0x07fd }, { 0x0816, 0x0819 },
	{ 0x081b, 0x0823 }, { 0x0825, 0x0827 }, { 0x0829, 0x082d },
	{ 0x0859, 0x085b }, { 0x0898, 0x089f }, { 0x08ca, 0x08e1 },
	{ 0x08e3, 0x0902 }, { 0x093a, 0x093a }, { 0x093c, 0x093c },
	{ 0x0941, 0x0948 }, { 0x094d, 0x094d }, { 0x0951, 0x0957 },
	{ 0x0962, 0x0963 }, { 0x0981, 0x0981 }, { 0x09bc, 0x09bc },
	{ 0x09c1, 0x09c4 }, { 0x09cd, 0x09cd }, { 0x09e2, 0x09e3 },
	{ 0x09fe, 0x0a02 }, { 0x0a3c, 0x0a3c }, { 0x0a41, 0x0a51 },
	{ 0x0a70, 0x0a71 }, { 0x0a75, 0x0a75 }, { 0x0a81, 0x0a82 },
	{ 0x0abc, 0x0abc }, { 0x0ac1, 0x0ac8 }, { 0x0acd, 0x0acd },
	{ 0x0ae2, 0x0ae3 }, { 0x0afa, 0x0b01 }, { 0x0b3c, 0x0b3c },
	{ 0x0b3f, 0x0b3f }, { 0x0b41, 0x0b44 }, { 0x0b4d, 0x0b56 },
	{ 0x0b62, 0x0b63 }, { 0x0b82, 0x0b82 }, { 0x0bc0, 0x0bc0 },
	{ 0x0bcd, 0x0bcd }, { 0x0c00, 0x0c00 }, { 0x0c04, 0x0c04 },
	{ 0x0c3c, 0x0c3c }, { 0x0c3e, 0x0c40 }, { 0x0c46, 0x0c56 },
	{ 0x0c62, 0x0c63 }, { 0x0c81, 0x0c81 }, { 0x0cbc, 0x0cbc },
	{ 0x0cbf, 0x0cbf }, { 0x0cc6, 0x0cc6 }, { 0x0ccc, 0x0ccd },
	{ 0x0ce2, 0x0ce3 }, { 0x0d00, 0x0d01 }, { 0x0d3b, 0x0d3c },
	{ 0x0d41, 0x0d44 }, { 0x0d4d, 0x0d4d }, { 0x0d62, 0x0d63 },
	{ 0x0d81, 0x0d81 }, { 0x0dca, 0x0dca }, { 0x0dd2, 0x0dd6 },
	{ 0x0e31, 0x0e31 }, { 0x0e34, 0x0e3a }, { 0x0e47, 0x0e4e },
	{ 0x0eb1, 0x0eb1 }, { 0x0eb4, 0x0ebc }, { 0x0ec8, 0x0ecd },
	{ 0x0f18, 0x0f19 }, { 0x0f35, 0x0f35 }, { 0x0f37, 0x0f37 },
	{ 0x0f39, 0x0f39 }, { 0x0f71, 0x0f7e }, { 0x0f80, 0x0f84 },
	{ 0x0f86, 0x0f87 }, { 0x0f8d, 0x0fbc }, { 0x0fc6, 0x0fc6 },
	{ 0x102d, 0x1030 }, { 0x1032, 0x1037 }, { 0x1039, 0x103a },
	{ 0x103d, 0x103e }, { 0x1058, 0x1059 }, { 0x105e, 0x1060 },
	{ 0x1071, 0x1074 }, { 0x1082, 0x1082 }, { 0x1085, 0x1086 },
	{ 0x108d, 0x108d }, { 0x109d, 0x109d }, { 0x1160, 0x11ff },
	{ 0x135d, 0x135f }, { 0x1712, 0x1714 }, { 0x1732, 0x1733 },
	{ 0x1752, 0x1753 }, { 0x1772, 0x1773 }, { 0x17b4, 0x17b5 },
	{ 0x17b7, 0x17bd }, { 0x17c6, 0x17c6 }, { 0x17c9, 0x17d3 },
	{ 0x17dd, 0x17dd }, { 0x180b, 0x180f }, { 0x1885, 0x1886 },
	{ 0x18a9, 0x18a9 }, { 0x1920, 0x1922 }, { 0x1927, 0x1928 },
	{ 0x1932, 0x1932 }, { 0x1939, 0x193b }, { 0x1a17, 0x1a18 },
	{ 0x1a1b, 0x1a1b }, { 0x1a56, 0x1a56 }, { 0x1a58, 0x1a60 },
	{ 0x1a62, 0x1a62 }, { 0x1a65, 0x1a6c }, { 0x1a73, 0x1a7f },
	{ 0x1ab0, 0x1b03 }, { 0x1b34, 0x1b34 }, { 0x1b36, 0x1b3a },
	{ 0x1b3c, 0x1b3c }, { 0x1b42, 0x1b42 }, { 0x1b6b, 0x1b73 },
	{ 0x1b80, 0x1b81 }, { 0x1ba2, 0x1ba5 }, { 0x1ba8, 0x1ba9 },
	{ 0x1bab, 0x1bad }, { 0x1be6, 0x1be6 }, { 0x1be8, 0x1be9 },
	{ 0x1bed, 0x1bed }, { 0x1bef, 0x1bf1 }, { 0x1c2c, 0x1c33 },
	{ 0x1c36, 0x1c37 }, { 0x1cd0, 0x1cd2 }, { 0x1cd4, 0x1ce0 },
	{ 0x1ce2, 0x1ce8 }, { 0x1ced, 0x1ced }, { 0x1cf4, 0x1cf4 },
	{ 0x1cf8, 0x1cf9 }, { 0x1dc0, 0x1dff }, { 0x200b, 0x200f },
	{ 0x202a, 0x202e }, { 0x2060, 0x206f }, { 0x20d0, 0x20f0 },
	{ 0x2cef, 0x2cf1 }, { 0x2d7f, 0x2d7f }, { 0x2de0, 0x2dff },
	{ 0x302a, 0x302d }, { 0x3099, 0x309a }, { 0xa66f, 0xa672 },
	{ 0xa674, 0xa67d }, { 0xa69e, 0xa69f }, { 0xa6f0, 0xa6f1 },
	{ 0xa802, 0xa802 }, { 0xa806, 0xa806 }, { 0xa80b, 0xa80b },
	{ 0xa825, 0xa826 }, { 0xa82c, 0xa82c }, { 0xa8c4, 0xa8c5 },
	{ 0xa8e0, 0xa8f1 }, { 0xa8ff, 0xa8ff }, { 0xa926, 0xa92d },
	{ 0xa947, 0xa951 }, { 0xa980, 0xa982 }, { 0xa9b3, 0xa9b3 },
	{ 0xa9b6, 0xa9b9 }, { 0xa9bc, 0xa9bd }, { 0xa9e5, 0xa9e5 },
	{ 0xaa29, 0xaa2e }, { 0xaa31, 0xaa32 }, { 0xaa35, 0xaa36 },
	{ 0xaa43, 0xaa43 }, { 0xaa4c, 0xaa4c }, { 0xaa7c, 0xaa7c },
	{ 0xaab0, 0xaab0 }, { 0xaab2, 0xaab4 }, { 0xaab7, 0xaab8 },
	{ 0xaabe, 0xaabf }, { 0xaac1, 0xaac1 }, { 0xaaec, 0xaaed },
	{ 0xaaf6, 0xaaf6 }, { 0xabe5, 0xabe5 }, { 0xabe8, 0xabe8 },
	{ 0xabed, 0xabed }, { 0xd7b0, 0xd7fb }, { 0xfb1e, 0xfb1e },
	{ 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff },
	{ 0xfff9, 0xfffb }, { 0x101fd, 0x101fd }, { 0x102e0, 0x102e0 },
	{ 0x10376, 0x1037a }, { 0x10a01, 0x10a0f }, { 0x10a38, 0x10a3f },
	{ 0x10ae5, 0x10ae6 }, { 0x10d24, 0x10d27 }, { 0x10eab, 0x10eac },
	{ 0x10f46, 0x10f50 }, { 0x10f82, 0x10f85 }, { 0x11001, 0x11001 },
	{ 0x11038, 0x11046 }, { 0x11070, 0x11070 }, { 0x11073, 0x11074 },
	{ 0x1107f, 0x11081 }, { 0x110b3, 0x110b6 }, { 0x110b9, 0x110ba },
	{ 0x110c2, 0x110c2 }, { 0x11100, 0x11102 }, { 0x11127, 0x1112b },
	{ 0x1112d, 0x11134 }, { 0x11173, 0x11173 }, { 0x11180, 0x11181 },
	{ 0x111b6, 0x111be }, { 0x111c9, 0x111cc }, { 0x111cf, 0x111cf },
	{ 0x1122f, 0x11231 }, { 0x11234, 0x11234 }, { 0x11236, 0x11237 },
	{ 0x1123e, 0x1123e }, { 0x112df, 0x112df }, { 0x112e3, 0x112ea },
	{ 0x11300, 0x11301 }, { 0x1133b, 0x1133c }, { 0x11340, 0x11340 },
	{ 0x11366, 0x11374 }, { 0x11438, 0x1143f }, { 0x11442, 0x11444 },
	{ 0x11446, 0x11446 }, { 0x1145e, 0x1145e }, { 0x114b3, 0x114b8 },
	{ 0x114ba, 0x114ba }, { 0x114bf, 0x114c0 }, { 0x114c2, 0x114c3 },
	{ 0x115b2, 0x115b5 }, { 0x115bc, 0x115bd }, { 0x115bf, 0x115c0 },
	{ 0x115dc, 0x115dd }, { 0x11633, 0x1163a }, { 0x1163d, 0x1163d },
	{ 0x1163f, 0x11640 }, { 0x116ab, 0x116ab }, { 0x116ad, 0x116ad },
	{ 0x116b0, 0x116b5 }, { 0x116b7, 0x116b7 }, { 0x1171d, 0x1171f },
	{ 0x11722, 0x11725 }, { 0x11727, 0x1172b }, { 0x1182f, 0x11837 },
	{ 0x11839, 0x1183a }, { 0x1193b, 0x1193c }, { 0x1193e, 0x1193e },
	{ 0x11943, 0x11943 }, { 0x119d4, 0x119db }, { 0x119e0, 0x119e0 },
	{ 0x11a01, 0x11a0a }, { 0x11a33, 0x11a38 }, { 0x11a3b, 0x11a3e },
	{ 0x11a47, 0x11a47 }, { 0x11a51, 0x11a56 }, { 0x11a59, 0x11a5b },
	{ 0x11a8a, 0x11a96 }, { 0x11a98, 0x11a99 }, { 0x11c30, 0x11c3d },
	{ 0x11c3f, 0x11c3f }, { 0x11c92, 0x11ca7 }, { 0x11caa, 0x11cb0 },
	{ 0x11cb2, 0x11cb3 }, { 0x11cb5, 0x11cb6 }, { 0x11d31, 0x11d45 },
	{ 0x11d47, 0x11d47 }, { 0x11d90, 0x11d91 }, { 0x11d95, 0x11d95 },
	{ 0x11d97, 0x11d97 }, { 0x11ef3, 0x11ef4 }, { 0x13430, 0x13438 },
	{ 0x16af0, 0x16af4 }, { 0x16b30, 0x16b36 }, { 0x16f4f, 0x16f4f },
	{ 0x16f8f, 0x16f92 }, { 0x16fe4, 0x16fe4 }, { 0x1bc9d, 0x1bc9e },
	{ 0x1bca0, 0x1cf46 }, { 0x1d167, 0x1d169 }, { 0x1d173, 0x1d182 },
	{ 0x1d185, 0x1d18b }, { 0x1d1aa, 0x1d1ad }, { 0x1d242, 0x1d244 },
	{ 0x1da00, 0x1da36 }, { 0x1da3b, 0x1da6c }, { 0x1da75, 0x1da75 },
	{ 0x1da84, 0x1da84 }, { 0x1da9b, 0x1daaf }, { 0x1e000, 0x1e02a },
	{ 0x1e130, 0x1e136 }, { 0x1e2ae, 0x1e2ae }, { 0x1e2ec, 0x1e2ef },
	{ 0x1e8d0, 0x1e8d6 }, { 0x1e944, 0x1e94a }, { 0xe0001, 0xe01ef },
};

static const struct text_range text_wide[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a },
	{ 0x23e9, 0x23ec }, { 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 },
	{ 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267f, 0x267f }, { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 },
	{ 0x26ce, 0x26ce }, { 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea },
	{ 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 }, { 0x26fa, 0x26fa },
	{ 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x274e, 0x274e },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf }, { 0x2b1b, 0x2b1c },
	{ 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x3029 },
	{ 0x302e, 0x303e }, { 0x3041, 0x3096 }, { 0x309b, 0xa4c6 },
	{ 0xa960, 0xa97c }, { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff },
	{ 0xfe10, 0xfe19 }, { 0xfe30, 0xfe6b }, { 0xff01, 0xff60 },
	{ 0xffe0, 0xffe6 }, { 0x16fe0, 0x16fe3 }, { 0x16ff0, 0x1b2fb },
	{ 0x1f004, 0x1f004 }, { 0x1f0cf, 0x1f0cf }, { 0x1f18e, 0x1f18e },
	{ 0x1f191, 0x1f19a }, { 0x1f200, 0x1f320 }, { 0x1f32d, 0x1f335 },
	{ 0x1f337, 0x1f37c }, { 0x1f37e, 0x1f393 }, { 0x1f3a0, 0x1f3ca },
	{ 0x1f3cf, 0x1f3d3 }, { 0x1f3e0, 0x1f3f0 }, { 0x1f3f4, 0x1f3f4 },
	{ 0x1f3f8, 0x1f43e }, { 0x1f440, 0x1f440 }, { 0x1f442, 0x1f4fc },
	{ 0x1f4ff, 0x1f53d }, { 0x1f54b, 0x1f54e }, { 0x1f550, 0x1f567 },
	{ 0x1f57a, 0x1f57a }, { 0x1f595, 0x1f596 }, { 0x1f5a4, 0x1f5a4 },
	{ 0x1f5fb, 0x1f64f }, { 0x1f680, 0x1f6c5 }, { 0x1f6cc, 0x1f6cc },
	{ 0x1f6d0, 0x1f6d2 }, { 0x1f6d5, 0x1f6df }, { 0x1f6eb, 0x1f6ef },
	{ 0x1f6f4, 0x1f6ff }, { 0x1f7e0, 0x1f7f0 }, { 0x1f90c, 0x1f93a },
	{ 0x1f93c, 0x1f945 }, { 0x1f947, 0x1f9ff }, { 0x1fa70, 0x1faff },
	{ 0x20000, 0x3fffd },
};

/* A growing string; data is NULL until the first byte. */
struct text_buf {
	char	*data;
	size_t	 len;
	size_t	 size;
};

/* Characters that sanitizing drops: they reorder or hide text. */
static int
text_is_hidden(uint32_t cp)
{
	return (cp == 0x061c ||			/* Arabic letter mark */
	    cp == 0x180e ||			/* Mongolian vowel separator */
	    (cp >= 0x200b && cp <= 0x200f) ||	/* zero widths, LRM, RLM */
	    (cp >= 0x202a && cp <= 0x202e) ||	/* embeddings, overrides */
	    (cp >= 0x2060 && cp <= 0x206f) ||	/* joiners, isolates */
	    cp == 0xfeff ||			/* byte order mark */
	    (cp >= 0xfff9 && cp <= 0xfffb) ||	/* interlinear annotation */
	    (cp >= 0xe0000 && cp <= 0xe007f));	/* tags: invisible ASCII */
}

int
text_in_table(uint32_t cp, const struct text_range *table, size_t n)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp > table[mid].last)
			lo = mid + 1;
		else if (cp < table[mid].first)
			hi = mid;
		else
			return (1);
	}
	return (0);
}

/* Makes room for more bytes and a NUL after them. */
static void
text_buf_grow(struct text_buf *b, size_t more)
{
	size_t	size;

	if (b->data != NULL && b->size - b->len > more)
		return;
	if (b->len > SIZE_MAX / 4 || more > SIZE_MAX / 4 - b->len)
		size = SIZE_MAX;	/* never granted: xrealloc says so */
	else {
		size = b->size != 0 ? b->size : 64;
		while (size - b->len <= more)
			size *= 2;
	}
	b->data = xrealloc(b->data, size);
	b->size = size;
}

static void
text_buf_add_byte(struct text_buf *b, char c)
{
	text_buf_grow(b, 1);
	b->data[b->len++] = c;
}

static void
text_buf_add_spaces(struct text_buf *b, size_t n)
{
	text_buf_grow(b, n);
	memset(b->data + b->len, ' ', n);
	b->len += n;
}

static void
text_buf_add_cp(struct text_buf *b, uint32_t cp)
{
	unsigned char	*u;

	text_buf_grow(b, 4);
	u = (unsigned char *)b->data + b->len;
	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		b->len += 1;
	} else if (cp < 0x800) {
		u[0] = (unsigned char)(0xc0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3f));
		b->len += 2;
	} else if (cp < 0x10000) {
		u[0] = (unsigned char)(0xe0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (unsigned char)(0x80 | (cp & 0x3f));
		b->len += 3;
	} else {
		u[0] = (unsigned char)(0xf0 | (cp >> 18));
		u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (unsigned char)(0x80 | (cp & 0x3f));
		b->len += 4;
	}
}

/* Terminates the string and hands it to the caller. */
static char *
text_buf_finish(struct text_buf *b)
{
	text_buf_grow(b, 0);
	b->data[b->len] = '\0';
	return (b->data);
}

/* Decodes one code point; an ill-formed subpart gives U+FFFD. */
size_t
text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	unsigned char		 lo = 0x80, hi = 0xbf;
	size_t			 need, i;
	uint32_t		 c;

	if (len == 0) {
		*cp = 0xfffd;
		return (0);
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return (1);
	}
	/* Second-byte limits rule out overlongs, surrogates, > U+10FFFF. */
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		need = 1;
		c = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		need = 2;
		c = u[0] & 0x0f;
		if (u[0] == 0xe0)
			lo = 0xa0;
		else if (u[0] == 0xed)
			hi = 0x9f;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		need = 3;
		c = u[0] & 0x07;
		if (u[0] == 0xf0)
			lo = 0x90;
		else if (u[0] == 0xf4)
			hi = 0x8f;
	} else {
		*cp = 0xfffd;
		return (1);
	}
	for (i = 1; i <= need; i++) {
		if (i == len || u[i] < lo || u[i] > hi) {
			*cp = 0xfffd;
			return (i);
		}
		c = (c << 6) | (u[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = c;
	return (need + 1);
}

/* Columns of one code point, from the table above. */
int
text_cp_width(uint32_t cp)
{
	if (cp < 0x300)
		return (1);
	if (text_in_table(cp, text_zero_width,
	    sizeof text_zero_width / sizeof text_zero_width[0]))
		return (0);
	if (text_in_table(cp, text_wide,
	    sizeof text_wide / sizeof text_wide[0]))
		return (2);
	return (1);
}

/* Shows a C0 control or DEL inertly: a control picture, or ^X in ASCII. */
static int
text_add_control(struct text_buf *b, uint32_t cp, int ascii)
{
	if (ascii) {
		text_buf_add_byte(b, '^');
		text_buf_add_byte(b, (char)(cp ^ 0x40));
		return (2);
	}
	text_buf_add_cp(b, cp == 0x7f ? 0x2421 : 0x2400 + cp);
	return (1);
}

/* Returns a new, inert copy of untrusted text; the caller frees it. */
char *
text_sanitize(const char *s, size_t len, int flags)
{
	struct text_buf	 b = { NULL, 0, 0 };
	int		 ascii = (flags & TEXT_ASCII) != 0;
	unsigned int	 col = 0;	/* modulo 8 is all tabs need */
	size_t		 i = 0;
	uint32_t	 cp;

	text_buf_grow(&b, len);
	while (i < len) {
		i += text_utf8_decode(s + i, len - i, &cp);
		if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
			if (cp == '\r' && i < len && s[i] == '\n')
				i++;
			if (flags & TEXT_ONE_LINE) {
				text_buf_add_byte(&b, ' ');
				col++;
			} else {
				text_buf_add_byte(&b, '\n');
				col = 0;
			}
		} else if (cp == '\t') {
			if (flags & TEXT_KEEP_TABS)
				text_buf_add_byte(&b, '\t');
			else
				text_buf_add_spaces(&b, 8 - col % 8);
			col = 0;
		} else if (cp < 0x20 || cp == 0x7f)
			col += (unsigned int)text_add_control(&b, cp, ascii);
		else if (text_is_hidden(cp))
			continue;
		else if (ascii && cp >= 0x80) {
			text_buf_add_byte(&b, '?');
			col++;
		} else {
			if (cp >= 0x80 && cp <= 0x9f)
				cp = 0xfffd;
			text_buf_add_cp(&b, cp);
			col += (unsigned int)text_cp_width(cp);
		}
		col %= 8;
	}
	return (text_buf_finish(&b));
}

/*
 * What text_fit and text_wrap put on screen for cp at column col, and how
 * wide it is. A tab is returned as is, to be written as width spaces. Stray
 * controls, which sanitized text never holds, are shown as U+FFFD.
 */
static uint32_t
text_display_cp(uint32_t cp, size_t col, int flags, int *width)
{
	if (cp == '\t') {
		*width = (int)(8 - col % 8);
		return ('\t');
	}
	*width = 1;
	if (cp == '\n' || cp == '\r')
		return (' ');
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		cp = 0xfffd;
	if ((flags & TEXT_ASCII) && cp >= 0x80)
		return ('?');
	*width = text_cp_width(cp);
	return (cp);
}

static void
text_buf_add_display(struct text_buf *b, uint32_t cp, int width)
{
	if (cp == '\t')
		text_buf_add_spaces(b, (size_t)width);
	else
		text_buf_add_cp(b, cp);
}

/* Columns of s as text_fit shows it, counting no further than past stop. */
static size_t
text_columns(const char *s, int flags, size_t stop)
{
	size_t		len = strlen(s), i = 0, col = 0;
	uint32_t	cp;
	int		w;

	while (i < len && col <= stop) {
		i += text_utf8_decode(s + i, len - i, &cp);
		text_display_cp(cp, col, flags, &w);
		col += (size_t)w;
	}
	return (col);
}

/* Columns s takes on one row. */
int
text_width(const char *s)
{
	size_t	col = text_columns(s, 0, INT_MAX);

	return (col > INT_MAX ? INT_MAX : (int)col);
}

/* Returns a new string, the caller's, of s cut or padded to cols. */
char *
text_fit(const char *s, int cols, int flags)
{
	struct text_buf	 b = { NULL, 0, 0 };
	size_t		 len = strlen(s), i = 0, n, budget;
	size_t		 col = 0;
	uint32_t	 cp, show;
	int		 w, cut;

	if (cols <= 0)
		return (xstrdup(""));
	cut = text_columns(s, flags, (size_t)cols) > (size_t)cols;
	budget = cut ? (size_t)cols - 1 : (size_t)cols;

	text_buf_grow(&b, len < budget ? len : budget);
	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		show = text_display_cp(cp, col, flags, &w);
		if (col + (size_t)w > budget)
			break;
		text_buf_add_display(&b, show, w);
		col += (size_t)w;
		i += n;
	}
	if (cut || (flags & TEXT_PAD))
		text_buf_add_spaces(&b, budget - col);
	if (cut) {
		if (flags & TEXT_ASCII)
			text_buf_add_byte(&b, '~');
		else
			text_buf_add_cp(&b, 0x2026);
	}
	return (text_buf_finish(&b));
}

/* One character of a paragraph being wrapped. */
struct text_cell {
	uint32_t	cp;
	int		width;
};

/* Appends the n cells at cell to out as a new line. */
static void
text_lines_add(struct text_lines *out, size_t *size,
    const struct text_cell *cell, size_t n)
{
	struct text_buf	b = { NULL, 0, 0 };
	size_t		i;

	if (out->n == *size) {
		*size = *size != 0 ? *size * 2 : 16;
		out->line = xreallocarray(out->line, *size, sizeof *out->line);
	}
	text_buf_grow(&b, n);
	for (i = 0; i < n; i++)
		text_buf_add_cp(&b, cell[i].cp);
	out->line[out->n++] = text_buf_finish(&b);
}

/* Wraps one paragraph (no newline inside) of len bytes. */
static void
text_wrap_paragraph(const char *s, size_t len, size_t cols,
    struct text_lines *out, size_t *size)
{
	struct text_cell	*cell = NULL;
	size_t			 ncell = 0, cellsize = 0, i = 0, col = 0;
	size_t			 start, j, brk, end, k, n;
	uint32_t		 cp;
	int			 w;

	/* Decode first; tabs become spaces, as text_sanitize would. */
	while (i < len) {
		i += text_utf8_decode(s + i, len - i, &cp);
		cp = text_display_cp(cp, col, 0, &w);
		n = cp == '\t' ? (size_t)w : 1;
		if (cellsize - ncell < n) {
			cellsize = cellsize != 0 ? cellsize * 2 : 64;
			cell = xreallocarray(cell, cellsize, sizeof *cell);
		}
		if (cp == '\t') {
			for (k = 0; k < n; k++) {
				cell[ncell].cp = ' ';
				cell[ncell++].width = 1;
			}
		} else {
			cell[ncell].cp = cp;
			cell[ncell++].width = w;
		}
		col += (size_t)w;
	}
	if (ncell == 0)
		text_lines_add(out, size, cell, 0);

	i = 0;
	while (i < ncell) {
		/* Fill a row; a zero-width mark stays with its base. */
		start = i;
		brk = start;
		col = 0;
		for (j = start; j < ncell; j++) {
			w = cell[j].width;
			if (w > 0 && col + (size_t)w > cols && j > start)
				break;
			if (cell[j].cp == ' ' && j > start &&
			    cell[j - 1].cp != ' ')
				brk = j;
			col += (size_t)w;
		}
		if (j == ncell) {
			text_lines_add(out, size, cell + start, ncell - start);
			break;
		}
		/* Break at the overflowing space, the last space, or hard. */
		if (cell[j].cp == ' ')
			end = j;
		else if (brk > start)
			end = brk;
		else
			end = j;
		i = end;
		while (end > start && cell[end - 1].cp == ' ')
			end--;
		text_lines_add(out, size, cell + start, end - start);
		while (i < ncell && cell[i].cp == ' ')
			i++;
	}
	free(cell);
}

/* Wraps s into rows of out, which the caller frees with text_lines_free. */
void
text_wrap(const char *s, int cols, struct text_lines *out)
{
	const char	*nl;
	size_t		 size = 0;

	out->line = NULL;
	out->n = 0;
	if (cols < 1)
		return;
	while (*s != '\0') {
		if ((nl = strchr(s, '\n')) == NULL)
			nl = s + strlen(s);
		text_wrap_paragraph(s, (size_t)(nl - s), (size_t)cols, out,
		    &size);
		s = *nl == '\n' ? nl + 1 : nl;
	}
}

/* Frees the rows of lines and empties it. */
void
text_lines_free(struct text_lines *lines)
{
	size_t	i;

	for (i = 0; i < lines->n; i++)
		free(lines->line[i]);
	free(lines->line);
	lines->line = NULL;
	lines->n = 0;
}

size_t
text_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp >= 0xd800 && cp <= 0xdfff)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	if (cp < 0x110000) {
		out[0] = (char)(0xf0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[3] = (char)(0x80 | (cp & 0x3f));
		return 4;
	}
	return 0;
}
