/* Initialisers become one assignment per field: designated, nested, positional. */
#include <linux/mm.h>
#include <linux/migrate.h>

struct inner { int b; int c; };
struct outer { struct inner a; int d; void *p; };
struct pair { int x; int y; };

extern void use(void *p);

void designated_init(struct vm_fault *vmf, unsigned long addr, int x, int y)
{
	struct migrate_vma args = { .vma = vmf->vma, .start = addr };
	struct outer o = { .a.b = x, .d = y };
	struct pair pr = { x, y };
	struct outer q = { { x, y }, 3, &pr };
	struct inner after = { .b = x, 7 };	/* positional after a designator: .c */

	use(&args);
	use(&o);
	use(&q);
	use(&after);
}
