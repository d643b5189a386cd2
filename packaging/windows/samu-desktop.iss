; Inno Setup 6 script: per-machine installer of samu-desktop (the PyInstaller folder).
;
; Built by packaging\build.py on Windows (it runs iscc when Inno Setup is on PATH):
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\samu-desktop /DOutputDir=dist packaging\windows\samu-desktop.iss
; Result: dist\samu-desktop-<version>-setup.exe
;
; Silent installation (deployment tools, GPO start-up script, SCCM, Intune):
;   samu-desktop-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="%TEMP%\samu-desktop-setup.log"
;   add /TASKS="autostart" to start the app (in the tray) when any user opens a session,
;   /TASKS="autostart,desktopicon" for a desktop shortcut too; /TASKS="" for neither.
;   /CLOSEAPPLICATIONS /FORCECLOSEAPPLICATIONS close a running copy during an upgrade.
; Silent removal:
;   "C:\Program Files\samu-desktop\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; See docs\guide-administrateur.md (French) for the whole deployment.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z (packaging\build.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\samu-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppExe "samu-desktop.exe"

[Setup]
; Never change AppId: upgrades and the uninstaller find the installation by it.
AppId={{6F1C2B7E-4D3A-4B8E-9A51-2E7D0C9B3F46}
AppName=Incident SI-SAMU
AppVersion={#AppVersion}
AppVerName=Incident SI-SAMU {#AppVersion}
AppPublisher=samu-desktop
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Incident SI-SAMU
DefaultDirName={autopf}\samu-desktop
DefaultGroupName=Incident SI-SAMU
DisableProgramGroupPage=yes
DisableDirPage=auto
; Per-machine: Program Files, HKLM, shortcuts for every user.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=samu-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=Incident SI-SAMU
; A running copy (in the tray) holds its files: offer to close it, never restart it.
CloseApplications=yes
RestartApplications=no
; Code signing, when a certificate is available (see packaging\README.md):
; SignTool=signtool sign /fd sha256 /tr http://timestamp.example /td sha256 /a $f

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fr.AutostartTask=Démarrer Incident SI-SAMU à l'ouverture de session (tous les utilisateurs)
en.AutostartTask=Start SI-SAMU incident when a session opens (all users)
fr.StartGroup=Démarrage :
en.StartGroup=Start-up:
fr.Launch=Lancer Incident SI-SAMU
en.Launch=Start SI-SAMU incident

[Tasks]
Name: "autostart"; Description: "{cm:AutostartTask}"; GroupDescription: "{cm:StartGroup}"; Flags: unchecked
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; The administrator's policy folder (C:\ProgramData\samu-desktop): created here so that its
; permissions can be set below; kept on removal, like the policy it holds.
Name: "{commonappdata}\samu-desktop"; Flags: uninsneveruninstall

[Icons]
Name: "{autoprograms}\Incident SI-SAMU"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\Incident SI-SAMU"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; Start with every user's session, hidden in the tray so the capture hotkey is ready.
Root: HKLM; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "samu-desktop"; ValueData: """{app}\{#AppExe}"" --hidden"; \
  Flags: uninsdeletevalue; Tasks: autostart

[Run]
; ProgramData lets every user create files in its subfolders: only administrators and
; SYSTEM may write the policy folder, users only read it.
Filename: "{sys}\icacls.exe"; \
  Parameters: """{commonappdata}\samu-desktop"" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX"; \
  Flags: runhidden waituntilterminated; StatusMsg: "Droits du dossier de la politique…"
Filename: "{app}\{#AppExe}"; Description: "{cm:Launch}"; Flags: nowait postinstall skipifsilent unchecked
