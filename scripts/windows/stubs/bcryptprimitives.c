/* bcryptprimitives.dll for Wine 8.0, which lacks it.
 *
 * Rust's standard library (pydantic-core, cryptography) fills its random buffers
 * with ProcessPrng from this DLL on Windows 10 and later. Wine 8.0 has no such
 * DLL, so those extension modules fail to load. This stub forwards to Wine's own
 * BCryptGenRandom (the system RNG), so nothing random is faked.
 * Built by scripts/windows/setup.sh with x86_64-w64-mingw32-gcc; real Windows has
 * the DLL and never sees this file.
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
