/*
 * lexicon.c
 *	  Loading and folding text, the vocabulary trie, the tokenizer and the
 *	  suggestion rule.
 *
 * The trie is built once, on first use, from the phrases the vocabularies
 * register (stage.c, funding_vocab.c).  Its nodes keep their children in a
 * sorted array (the root's ASCII children in a direct table), so a lookup
 * costs one binary search per code point of the phrase, whatever the size
 * of the vocabularies.
 */
#include "lexicon.h"
#include "textnorm.h"

#include <stdlib.h>
#include <string.h>

const char *
inno_lx_class_name(LxClass cls)
{
	static const char *const names[LX_NCLASSES] = {
		[LX_STAGE] = "stage",
		[LX_KIND] = "kind",
		[LX_CUR_PREFIX] = "currency_before",
		[LX_CUR_WORD] = "currency_word",
		[LX_YUAN] = "yuan",
		[LX_QUAL_PRE] = "qualifier_before",
		[LX_QUAL_POST] = "qualifier_after",
		[LX_MAGNITUDE] = "magnitude",
		[LX_CN_DIGIT] = "chinese_digit",
		[LX_UNDISCLOSED] = "undisclosed",
		[LX_FILLER] = "filler",
		[LX_ARTICLE] = "article",
		[LX_ROUND_COUNT] = "round_count",
		[LX_NUMBER_WORD] = "number_word",
		[LX_MONTH] = "month",
		[LX_DATE_UNIT] = "date_unit",
		[LX_RANGE_SEP] = "range",
		[LX_CUE] = "extract_cue",
		[LX_NOT_ROUND] = "extract_not_round",
		[LX_SUBJECT] = "extract_subject",
		[LX_SCHEME] = "designation",
	};

	return (int) cls > 0 && cls < LX_NCLASSES ? names[cls] : "?";
}

/* ------------------------------------------------------------------------
 * Registration and the trie
 * ------------------------------------------------------------------------
 */

#define MAX_PHRASES 3072
#define MAX_NODES	16384

typedef struct Node
{
	uint32_t	cp;				/* label of the edge into this node */
	uint16_t	edge_start;		/* children: edges[edge_start .. + nedges) */
	int16_t		gap_child;		/* the child along a gap edge, -1 if none */
	uint16_t	nedges;
	uint16_t	ent_start;		/* entries[ent_start .. + nent) */
	uint8_t		nent;
} Node;							/* 16 bytes: the walk's working set stays in cache */

/* build time only: each node's child list */
typedef struct Links
{
	int32_t		first_child;
	int32_t		next_sibling;
} Links;

typedef struct Edge
{
	uint32_t	cp;
	int32_t		child;
} Edge;

static LxPhrase phrases[MAX_PHRASES];
static int	nphrases;
static bool overflow;

static Node nodes[MAX_NODES];
static Links links[MAX_NODES];
static int	nnodes;
static Edge edges[MAX_NODES];
static LxEntry entries[MAX_PHRASES];
static int32_t root_ascii[128];
/* the root's other children, in an open-addressing table keyed by code point */
#define ROOT_SLOTS 8192			/* a power of two, well above the root's children */
static struct
{
	uint32_t	cp;
	int32_t		child;			/* -1: empty */
}			root_wide[ROOT_SLOTS];
static bool built;

void
inno_lx_add(const char *phrase, uint8_t cls, uint16_t value, uint16_t flags)
{
	if (nphrases >= MAX_PHRASES)
	{
		overflow = true;
		return;
	}
	phrases[nphrases].text = phrase;
	phrases[nphrases].entry.cls = cls;
	phrases[nphrases].entry.flags = flags;
	phrases[nphrases].entry.value = value;
	nphrases++;
}

/* A phrase as trie labels: folded code points, gaps collapsed to one label. */
int
inno_lx_phrase_labels(const char *text, uint32_t *out)
{
	size_t		len = strlen(text);
	size_t		pos = 0;
	int			n = 0;

	while (pos < len)
	{
		uint32_t	c;

		if (!inno_utf8_next(text, len, &pos, &c) || n >= LX_MAX_PHRASE_CPS)
			return -1;
		c = inno_lx_fold(c);
		if (inno_lx_is_gap(c))
		{
			if (n > 0 && out[n - 1] != LX_GAP_LABEL)
				out[n++] = LX_GAP_LABEL;
			continue;
		}
		out[n++] = c;
	}
	while (n > 0 && out[n - 1] == LX_GAP_LABEL)
		n--;
	return n;
}

static int
NewNode(uint32_t cp)
{
	Node	   *nd;

	if (nnodes >= MAX_NODES)
	{
		overflow = true;
		return -1;
	}
	nd = &nodes[nnodes];
	memset(nd, 0, sizeof(*nd));
	nd->cp = cp;
	links[nnodes].first_child = -1;
	links[nnodes].next_sibling = -1;
	return nnodes++;
}

static int
BuildChild(int parent, uint32_t cp)
{
	int			c;

	for (c = links[parent].first_child; c >= 0; c = links[c].next_sibling)
		if (nodes[c].cp == cp)
			return c;
	c = NewNode(cp);
	if (c < 0)
		return -1;
	links[c].next_sibling = links[parent].first_child;
	links[parent].first_child = c;
	return c;
}

static int
CompareEdges(const void *a, const void *b)
{
	uint32_t	x = ((const Edge *) a)->cp;
	uint32_t	y = ((const Edge *) b)->cp;

	return (x > y) - (x < y);
}

typedef struct Terminal
{
	int32_t		node;
	int32_t		phrase;
} Terminal;

static int
CompareTerminals(const void *a, const void *b)
{
	const Terminal *x = a;
	const Terminal *y = b;

	if (x->node != y->node)
		return x->node < y->node ? -1 : 1;
	return (x->phrase > y->phrase) - (x->phrase < y->phrase);
}

static void
Build(void)
{
	static Terminal term[MAX_PHRASES];
	int			nterm = 0;
	int			i,
				nedges = 0;

	inno_stage_register_vocabulary();
	inno_funding_register_vocabulary();
	inno_desig_register_vocabulary();

	nnodes = 0;
	(void) NewNode(0);
	for (i = 0; i < nphrases; i++)
	{
		uint32_t	lab[LX_MAX_PHRASE_CPS];
		int			n = inno_lx_phrase_labels(phrases[i].text, lab);
		int			node = 0,
					k;

		if (n <= 0)
		{
			overflow = true;
			continue;
		}
		for (k = 0; k < n && node >= 0; k++)
			node = BuildChild(node, lab[k]);
		if (node < 0)
			continue;
		term[nterm].node = node;
		term[nterm].phrase = i;
		nterm++;
	}
	/* entries of a node: contiguous, in registration order */
	qsort(term, (size_t) nterm, sizeof(Terminal), CompareTerminals);
	for (i = 0; i < nterm; i++)
	{
		Node	   *nd = &nodes[term[i].node];

		if (nd->nent == 0)
			nd->ent_start = (uint16_t) i;
		nd->nent++;
		entries[i] = phrases[term[i].phrase].entry;
	}
	/* children: a sorted array per node */
	for (i = 0; i < nnodes; i++)
	{
		int			c;

		nodes[i].edge_start = (uint16_t) nedges;
		for (c = links[i].first_child; c >= 0; c = links[c].next_sibling)
		{
			edges[nedges].cp = nodes[c].cp;
			edges[nedges].child = c;
			nedges++;
		}
		nodes[i].nedges = (uint16_t) (nedges - nodes[i].edge_start);
		qsort(&edges[nodes[i].edge_start], nodes[i].nedges, sizeof(Edge), CompareEdges);
		nodes[i].gap_child = -1;
		for (c = links[i].first_child; c >= 0; c = links[c].next_sibling)
			if (nodes[c].cp == LX_GAP_LABEL)
				nodes[i].gap_child = (int16_t) c;
	}
	for (i = 0; i < 128; i++)
		root_ascii[i] = -1;
	for (i = 0; i < ROOT_SLOTS; i++)
		root_wide[i].child = -1;
	for (i = 0; i < nodes[0].nedges; i++)
	{
		const Edge *e = &edges[nodes[0].edge_start + i];
		uint32_t	slot = e->cp & (ROOT_SLOTS - 1);

		if (e->cp < 128)
		{
			root_ascii[e->cp] = e->child;
			continue;
		}
		while (root_wide[slot].child != -1)
			slot = (slot + 1) & (ROOT_SLOTS - 1);
		root_wide[slot].cp = e->cp;
		root_wide[slot].child = e->child;
	}
	built = true;
}

static inline void
EnsureBuilt(void)
{
	if (!built)
		Build();
}

const LxPhrase *
inno_lx_phrases(int *count)
{
	EnsureBuilt();
	*count = nphrases;
	return phrases;
}

bool
inno_lx_overflowed(void)
{
	EnsureBuilt();
	return overflow;
}

static inline int
Child(int node, uint32_t cp)
{
	const Edge *e;
	int			lo,
				hi;

	if (node == 0)
	{
		uint32_t	slot;

		if (cp < 128)
			return root_ascii[cp];
		for (slot = cp & (ROOT_SLOTS - 1); root_wide[slot].child != -1; slot = (slot + 1) & (ROOT_SLOTS - 1))
			if (root_wide[slot].cp == cp)
				return root_wide[slot].child;
		return -1;
	}
	e = &edges[nodes[node].edge_start];
	lo = 0;
	hi = nodes[node].nedges - 1;
	while (lo <= hi)
	{
		int			mid = (lo + hi) >> 1;

		if (e[mid].cp == cp)
			return e[mid].child;
		if (e[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* May a phrase whose last label is last end before text position i? */
static inline bool
EndOk(const LxText *t, int i, uint32_t last)
{
	uint32_t	next;

	if (i >= t->n)
		return true;
	next = t->cp[i];
	return !((inno_lx_is_letter(last) && inno_lx_is_letter(next)) ||
			 (inno_lx_is_digit(last) && inno_lx_is_digit(next)));
}

static void
Walk(const LxText *t, int node, int i, int pos, int *best_len, int *best_node)
{
	for (;;)
	{
		uint32_t	c;
		int			gap,
					child;

		if (nodes[node].nent > 0 && i - pos > *best_len && EndOk(t, i, nodes[node].cp))
		{
			*best_len = i - pos;
			*best_node = node;
		}
		if (i >= t->n)
			return;
		c = t->cp[i];
		gap = nodes[node].gap_child;
		if (gap >= 0)
		{
			if (inno_lx_is_gap(c))
			{
				while (i < t->n && inno_lx_is_gap(t->cp[i]))
					i++;
				node = gap;
				continue;
			}
			/* the gap may also be empty: try the direct path first */
			child = Child(node, c);
			if (child >= 0)
				Walk(t, child, i + 1, pos, best_len, best_node);
			node = gap;
			continue;
		}
		child = Child(node, c);
		if (child < 0)
			return;
		node = child;
		i++;
	}
}

int
inno_lx_match(const LxText *t, int pos, const LxEntry **ent, int *nent)
{
	int			best_len = 0,
				best_node = -1;

	EnsureBuilt();
	*ent = NULL;
	*nent = 0;
	if (pos >= t->n)
		return 0;
	if (pos > 0)
	{
		uint32_t	prev = t->cp[pos - 1];
		uint32_t	first = t->cp[pos];

		if ((inno_lx_is_letter(prev) && inno_lx_is_letter(first)) ||
			(inno_lx_is_digit(prev) && inno_lx_is_digit(first)))
			return 0;
	}
	Walk(t, 0, pos, pos, &best_len, &best_node);
	if (best_node < 0)
		return 0;
	*ent = &entries[nodes[best_node].ent_start];
	*nent = nodes[best_node].nent;
	return best_len;
}

const LxEntry *
inno_lx_find(const LxEntry *e, int n, LxClass cls)
{
	int			i;

	for (i = 0; i < n; i++)
		if (e[i].cls == cls)
			return &e[i];
	return NULL;
}

/* ------------------------------------------------------------------------
 * The tokenizer
 * ------------------------------------------------------------------------
 */

int
inno_lx_lex(const LxText *t, LxLexeme *lx, int cap)
{
	int			i = 0,
				k = 0;

	EnsureBuilt();
	while (i < t->n)
	{
		uint32_t	c = t->cp[i];
		LxLexeme   *l;
		int			j = i + 1;
		const LxEntry *ent;
		int			nent,
					len;

		if (k >= cap)
			return -1;
		l = &lx[k++];
		l->start = i;
		l->nent = 0;
		l->ent = NULL;
		l->dash = 0;
		l->classes = 0;
		if (inno_lx_is_digit(c))
		{
			while (j < t->n && inno_lx_is_digit(t->cp[j]))
				j++;
			l->type = LXT_DIGITS;
		}
		else if (inno_lx_is_gap(c))
		{
			l->dash = c == '-';
			while (j < t->n && inno_lx_is_gap(t->cp[j]))
				l->dash |= t->cp[j++] == '-';
			l->type = LXT_GAP;
		}
		else if ((len = inno_lx_match(t, i, &ent, &nent)) > 0)
		{
			int			e;

			j = i + len;
			l->type = LXT_VOCAB;
			l->ent = ent;
			l->nent = (uint8_t) nent;
			for (e = 0; e < nent; e++)
				l->classes |= (uint32_t) 1 << ent[e].cls;
		}
		else if (inno_lx_is_letter(c))
		{
			while (j < t->n && inno_lx_is_letter(t->cp[j]))
				j++;
			l->type = LXT_WORD;
		}
		else
		{
			l->type = inno_lx_is_separator(c) ? LXT_SEP : LXT_OTHER;
			l->dash = c < 0x80;
		}
		l->end = j;
		i = j;
	}
	return k;
}
