/* mmlock test header: WARN_ON / BUG_ON (kernel-shaped, statement expressions). */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

extern void warn_slowpath_fmt(const char *file, const int line,
			      unsigned taint, const char *fmt, ...);

#define __WARN()	warn_slowpath_fmt(__FILE__, __LINE__, 9, (const char *)0)

#define BUG() do {							\
	__builtin_trap();						\
} while (0)

#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)

#define WARN_ON(condition) ({					\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN();					\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON_ONCE(condition)	WARN_ON(condition)

#define WARN(condition, format...) ({				\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		warn_slowpath_fmt(__FILE__, __LINE__, 9, format); \
	unlikely(__ret_warn_on);					\
})

#define BUILD_BUG_ON(condition)	_Static_assert(!(condition), "BUILD_BUG_ON failed: " #condition)

/* CONFIG_DEBUG_VM variants */
#define VM_BUG_ON(cond)			BUG_ON(cond)
#define VM_BUG_ON_FOLIO(cond, folio)	BUG_ON(cond)
#define VM_BUG_ON_VMA(cond, vma)	BUG_ON(cond)
#define VM_WARN_ON(cond)		(void)WARN_ON(cond)
#define VM_WARN_ON_ONCE(cond)		(void)WARN_ON_ONCE(cond)

#endif /* _LINUX_BUG_H */
