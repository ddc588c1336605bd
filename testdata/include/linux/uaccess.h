/* mmlock test header: user copies (may fault, therefore may sleep). */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>

extern unsigned long __must_check copy_from_user(void *to,
						 const void __user *from,
						 unsigned long n);
extern unsigned long __must_check copy_to_user(void __user *to,
					       const void *from,
					       unsigned long n);
extern unsigned long __must_check clear_user(void __user *to, unsigned long n);

extern void pagefault_disable(void);
extern void pagefault_enable(void);

#endif /* _LINUX_UACCESS_H */
