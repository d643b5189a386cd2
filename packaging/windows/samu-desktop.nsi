; NSIS 3 script: per-machine installer of samu-desktop (the PyInstaller folder).
;
; Built with Debian's makensis (no Windows machine needed) by scripts/windows/release.sh:
;   makensis -INPUTCHARSET UTF8 -DAPP_VERSION=0.1.0 -DAPP_VERSION4=0.1.0.0 \
;            -DSOURCE_DIR=dist/samu-desktop -DICON_FILE=samu-desktop.ico \
;            -DOUTPUT_FILE=dist/samu-desktop-0.1.0-setup.exe packaging/windows/samu-desktop.nsi
; and smoke-tested there under Wine (installed silently, started, uninstalled).
;
; Silent installation (deployment tools, GPO start-up script, SCCM, Intune); the switches
; are those of the earlier Inno Setup installer, so existing deployment scripts keep working:
;   samu-desktop-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="%TEMP%\samu-desktop-setup.log"
;   /TASKS="autostart" starts the app (in the tray) when any user opens a session,
;   /TASKS="autostart,desktopicon" adds a desktop shortcut; /DIR="D:\Apps\samu-desktop" another
;   folder; /CLOSEAPPLICATIONS asks a running copy to quit before an upgrade. NSIS's own /S and
;   /D=folder (last on the line) work too.
; Silent removal (returns at once, finishes a few seconds later: NSIS uninstallers run from a
; copy in %TEMP%):
;   "C:\Program Files\samu-desktop\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; See docs\guide-administrateur.md (French) for the whole deployment.

; A 64-bit installer (Wine here runs 64-bit programs only, and so does the app).
Target amd64-unicode
ManifestDPIAware true
!ifndef APP_VERSION | APP_VERSION4 | SOURCE_DIR | OUTPUT_FILE | ICON_FILE
  !error "pass -DAPP_VERSION -DAPP_VERSION4 -DSOURCE_DIR -DOUTPUT_FILE -DICON_FILE (scripts/windows/release.sh does)"
!endif

; Never change APP_ID: upgrades and detection rules (SCCM, Intune) find the installation by it.
!define APP_ID "{6F1C2B7E-4D3A-4B8E-9A51-2E7D0C9B3F46}"
!define APP_NAME "Incident SI-SAMU"
!define APP_EXE "samu-desktop.exe"
!define CLI_EXE "samu-desktop-cli.exe"
!define UNINSTALLER "unins000.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}_is1"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include StrFunc.nsh
!include x64.nsh
!include WinVer.nsh

Name "${APP_NAME}"
OutFile "${OUTPUT_FILE}"
InstallDir "$PROGRAMFILES64\samu-desktop"
; Per-machine: Program Files, HKLM, shortcuts for every user.
RequestExecutionLevel admin
; zlib: a few times quicker to build than LZMA on this 190 MB folder (measured in the
; Windows lane under load: 140 s instead of 561 s), for 86 MB instead of 54 MB.
SetCompressor zlib
BrandingText "${APP_NAME} ${APP_VERSION}"
VIProductVersion "${APP_VERSION4}"
VIFileVersion "${APP_VERSION4}"
VIAddVersionKey /LANG=1036 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1036 "ProductVersion" "${APP_VERSION}"
VIAddVersionKey /LANG=1036 "FileVersion" "${APP_VERSION}"
VIAddVersionKey /LANG=1036 "FileDescription" "Installation de ${APP_NAME}"
VIAddVersionKey /LANG=1036 "CompanyName" "samu-desktop"
VIAddVersionKey /LANG=1036 "LegalCopyright" "samu-desktop"

Var Tasks       ; the /TASKS= list, e.g. "autostart,desktopicon"
Var LogFile     ; the /LOG= file, "" when not asked
Var LogHandle

!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"

; One line of the /LOG= file (appended; nothing when /LOG was not given).
!macro Log text
  ${If} $LogFile != ""
    FileOpen $LogHandle $LogFile a
    FileSeek $LogHandle 0 END
    FileWrite $LogHandle "${text}$\r$\n"
    FileClose $LogHandle
  ${EndIf}
!macroend

; The switches of the command line; the same function for the installer and the uninstaller.
!macro ParseSwitches prefix
Function ${prefix}ParseSwitches
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/VERYSILENT" $R1
  ${IfNot} ${Errors}
    SetSilent silent
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/SILENT" $R1
  ${IfNot} ${Errors}
    SetSilent silent
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/LOG=" $R1
  ${IfNot} ${Errors}
    StrCpy $LogFile $R1
  ${EndIf}
  ; /SUPPRESSMSGBOXES and /NORESTART need nothing: every message box has a silent default
  ; (/SD) and nothing here ever restarts the machine.
FunctionEnd
!macroend
!insertmacro ParseSwitches ""
!insertmacro ParseSwitches "un."

Function .onInit
  SetRegView 64
  Call ParseSwitches
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/TASKS=" $R1
  ${IfNot} ${Errors}
    StrCpy $Tasks ",$R1,"
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/DIR=" $R1
  ${IfNot} ${Errors}
    StrCpy $INSTDIR $R1
  ${EndIf}
  !insertmacro Log "samu-desktop ${APP_VERSION}: installation into $INSTDIR, tasks '$Tasks'"
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    !insertmacro Log "refused: Windows 10 or 11, 64-bit, is required"
    MessageBox MB_OK|MB_ICONSTOP "Incident SI-SAMU demande Windows 10 ou 11 (64 bits)." /SD IDOK
    SetErrorLevel 2
    Abort
  ${EndIf}
FunctionEnd

Function un.onInit
  SetRegView 64
  Call un.ParseSwitches
FunctionEnd

${StrStr}  ; StrFunc: declare before use
; outvar = 1 when /TASKS= named the task, else 0.
!macro HasTask name outvar
  ${StrStr} ${outvar} "$Tasks" ",${name},"
  ${If} ${outvar} != ""
    StrCpy ${outvar} 1
  ${Else}
    StrCpy ${outvar} 0
  ${EndIf}
!macroend

Section "Install"
  SetShellVarContext all
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/CLOSEAPPLICATIONS" $R1
  ${IfNot} ${Errors}
  ${AndIf} ${FileExists} "$INSTDIR\${CLI_EXE}"
    ; Asks the copy running in this session to quit (samu-desktop --quit).
    nsExec::Exec '"$INSTDIR\${CLI_EXE}" --quit'
    Pop $0
    !insertmacro Log "asked a running copy to quit: $0"
  ${EndIf}
  ; An upgrade replaces the program's files: none of them is the users' (their settings,
  ; drafts and outbox live in their own profile).
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  SetOverwrite on
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  !insertmacro Log "files copied"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  !insertmacro HasTask "desktopicon" $R2
  ${If} $R2 == 1
    CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  ${Else}
    Delete "$DESKTOP\${APP_NAME}.lnk"
  ${EndIf}
  ; Start with every user's session, hidden in the tray so the capture hotkey is ready.
  !insertmacro HasTask "autostart" $R2
  ${If} $R2 == 1
    WriteRegStr HKLM "${RUN_KEY}" "samu-desktop" '"$INSTDIR\${APP_EXE}" --hidden'
  ${Else}
    DeleteRegValue HKLM "${RUN_KEY}" "samu-desktop"
  ${EndIf}
  !insertmacro Log "shortcuts and start-up entry written"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${APP_VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "samu-desktop"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0

  ; The administrator's policy folder (C:\ProgramData\samu-desktop). ProgramData lets every
  ; user create files in its subfolders: only administrators and SYSTEM may write this one,
  ; users only read it.
  CreateDirectory "$APPDATA\samu-desktop"
  nsExec::Exec '"$SYSDIR\icacls.exe" "$APPDATA\samu-desktop" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
  Pop $0
  !insertmacro Log "policy folder $APPDATA\samu-desktop, icacls: $0"
  !insertmacro Log "installation finished"
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  !insertmacro Log "samu-desktop: removal from $INSTDIR"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegValue HKLM "${RUN_KEY}" "samu-desktop"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  ; Only what the installer put there: never a recursive removal of $INSTDIR, which /DIR may
  ; have pointed at a folder holding other things.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  ; The policy folder goes only when empty: a deployed policy stays, like the users' data.
  RMDir "$APPDATA\samu-desktop"
  !insertmacro Log "removal finished"
SectionEnd
