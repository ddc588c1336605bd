/* Models a page writeback helper whose sync case locks the page and falls through into the async case, which locks it again. */
#include <linux/mm.h>
#include <linux/pagemap.h>

enum demo_wb_mode { DEMO_WB_SYNC, DEMO_WB_ASYNC, DEMO_WB_NONE };

extern int demo_write_locked_page(struct page *page);

int demo_writeback_page(struct page *page, enum demo_wb_mode mode)
{
	int ret;

	switch (mode) {
	case DEMO_WB_SYNC:
		lock_page(page);
		fallthrough;
	case DEMO_WB_ASYNC:
		lock_page(page);	/* expect: lock-double-acquire */
		break;
	default:
		return -EINVAL;
	}
	ret = demo_write_locked_page(page);
	unlock_page(page);
	return ret;
}
