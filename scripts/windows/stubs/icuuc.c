/* icuuc.dll for Wine 8.0, which lacks it.
 *
 * Qt 6's Windows build imports 20 ucnv_* functions from the ICU that Windows 10
 * ships as icuuc.dll, and only uses them for legacy text codecs (QStringConverter
 * with a name that is not UTF-8/16/32 or Latin-1). Without the DLL Qt6Core does not
 * load at all. This stub answers "no such converter" (U_FILE_ACCESS_ERROR), which Qt
 * handles as an unavailable codec; the application only uses UTF-8.
 * Built by scripts/windows/setup.sh with x86_64-w64-mingw32-gcc; real Windows has
 * the DLL and never sees this file.
 */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
typedef uint16_t UChar;
#define U_FILE_ACCESS_ERROR 4
#define EXPORT __declspec(dllexport)

static void fail(UErrorCode *error) { if (error && *error <= 0) *error = U_FILE_ACCESS_ERROR; }

EXPORT void *ucnv_open(const char *name, UErrorCode *error) { (void)name; fail(error); return NULL; }
EXPORT void ucnv_close(void *converter) { (void)converter; }
EXPORT void ucnv_reset(void *converter) { (void)converter; }
EXPORT int8_t ucnv_getMaxCharSize(const void *converter) { (void)converter; return 1; }
EXPORT const char *ucnv_getName(const void *converter, UErrorCode *error)
{ (void)converter; fail(error); return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *error)
{ (void)name; (void)standard; fail(error); return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT void ucnv_getToUCallBack(const void *c, void **action, const void **context)
{ (void)c; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_getFromUCallBack(const void *c, void **action, const void **context)
{ (void)c; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_setToUCallBack(void *c, void *action, const void *context, void **old_action,
                                const void **old_context, UErrorCode *error)
{ (void)c; (void)action; (void)context; (void)old_action; (void)old_context; fail(error); }
EXPORT void ucnv_setFromUCallBack(void *c, void *action, const void *context, void **old_action,
                                  const void **old_context, UErrorCode *error)
{ (void)c; (void)action; (void)context; (void)old_action; (void)old_context; fail(error); }
EXPORT void ucnv_toUnicode(void *c, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, int8_t flush,
                           UErrorCode *error)
{ (void)c; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
  (void)flush; fail(error); }
EXPORT void ucnv_fromUnicode(void *c, char **target, const char *target_limit,
                             const UChar **source, const UChar *source_limit, int32_t *offsets,
                             int8_t flush, UErrorCode *error)
{ (void)c; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
  (void)flush; fail(error); }
EXPORT int32_t ucnv_toUCountPending(const void *c, UErrorCode *error) { (void)c; fail(error); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *c, UErrorCode *error) { (void)c; fail(error); return 0; }
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset,
                                  UErrorCode *error)
{ (void)args; (void)source; (void)length; (void)offset; fail(error); }
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *source_limit,
                                    int32_t offset, UErrorCode *error)
{ (void)args; (void)source; (void)source_limit; (void)offset; fail(error); }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *units,
                                            int32_t length, int32_t code_point, int reason,
                                            UErrorCode *error)
{ (void)context; (void)args; (void)units; (void)length; (void)code_point; (void)reason; (void)error; }
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units,
                                          int32_t length, int reason, UErrorCode *error)
{ (void)context; (void)args; (void)units; (void)length; (void)reason; (void)error; }
