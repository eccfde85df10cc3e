@echo off
rem zjlearn launcher for Windows: runs zjlearn.jar (beside this file) with Java 17 or newer.
rem No Maven, no build, no PowerShell. Drop a folder on this file to check it (the report opens in the
rem browser and the window waits for a key); double-click it for a short explanation; or type commands:
rem   zjlearn validate 杭州市
rem JAVA_HOME chooses the Java (else the first java.exe on PATH); JAVA_OPTS adds JVM options (e.g. -Xmx512m).
rem Exit code 5: no suitable Java; otherwise zjlearn's own exit code.
setlocal EnableExtensions DisableDelayedExpansion

rem The console's code page, restored at the end (zjlearn.jar restores it too if the run is interrupted).
set "ZJ_CP="
for /f "tokens=2 delims=:" %%C in ('chcp') do set "ZJ_CP=%%C"
if defined ZJ_CP set "ZJ_CP=%ZJ_CP: =%"
if defined ZJ_CP set "ZJ_CP=%ZJ_CP:.=%"
chcp 65001 >nul

if not defined ZJ_JAR set "ZJ_JAR=%~dp0zjlearn.jar"
rem Dropped on (the first argument is an existing folder or file) or double-clicked (no argument):
rem run "drop" and keep the window open until a key is pressed.
set "ZJ_DROP="
set "ZJ_CMD="
if "%~1"=="" set "ZJ_DROP=1"
if not "%~1"=="" if exist "%~1" set "ZJ_DROP=1"
if defined ZJ_DROP set "ZJ_CMD=drop"

set "ZJ_JAVA="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "ZJ_JAVA=%JAVA_HOME%\bin\java.exe"
if not defined ZJ_JAVA for %%J in (java.exe) do set "ZJ_JAVA=%%~$PATH:J"
rem No echo of a path inside ( ): a ")" in it, as in "Program Files (x86)", would end the block.
if defined ZJ_JAVA goto :havejava
echo zjlearn：找不到 Java。 1>&2
goto :needjava
:havejava
rem 'openjdk version "17.0.15" 2025-04-15' or 'java version "1.8.0_301"', after any "Picked up ..." line
set "ZJ_VER="
for /f "tokens=1-3" %%A in ('call "%ZJ_JAVA%" -version 2^>^&1') do if /i "%%B"=="version" if not defined ZJ_VER set "ZJ_VER=%%~C"
set "ZJ_MAJOR=0"
if defined ZJ_VER for /f "tokens=1,2 delims=.-+_" %%A in ("%ZJ_VER%") do (
  set "ZJ_MAJOR=%%A"
  if "%%A"=="1" set "ZJ_MAJOR=%%B"
)
set /a "ZJ_MAJOR=ZJ_MAJOR+0" 2>nul
if %ZJ_MAJOR% GEQ 17 goto :javaok
echo zjlearn：需要 Java 17 或更新的版本，现在找到的是 Java %ZJ_VER%（%ZJ_JAVA%）。 1>&2
goto :needjava
:javaok
if defined ZJLEARN_JAVA_CHECK_ONLY goto :end
if exist "%ZJ_JAR%" goto :run
echo zjlearn：找不到 %ZJ_JAR%；请把下载的压缩包完整解压后再运行。 1>&2
set "ZJ_CODE=5"
goto :end

:run

rem Defaults for a short batch run (serial collector, small starting heap, at most 1 GB), each left out
rem when JAVA_OPTS or JAVA_TOOL_OPTIONS sets it.
set "ZJ_USER= %JAVA_OPTS% %JAVA_TOOL_OPTIONS% "
set "ZJ_DEFAULTS="
if "%ZJ_USER:-Xmx=%%ZJ_USER:MaxRAM=%"=="%ZJ_USER%%ZJ_USER%" set "ZJ_DEFAULTS=-Xmx1g"
if "%ZJ_USER:-Xms=%"=="%ZJ_USER%" set "ZJ_DEFAULTS=%ZJ_DEFAULTS% -Xms32m"
if "%ZJ_USER:GC=%"=="%ZJ_USER%" set "ZJ_DEFAULTS=%ZJ_DEFAULTS% -XX:+UseSerialGC"

"%ZJ_JAVA%" %ZJ_DEFAULTS% %JAVA_OPTS% -Dzjlearn.console.cp=%ZJ_CP% -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -jar "%ZJ_JAR%" %ZJ_CMD% %*
set "ZJ_CODE=%ERRORLEVEL%"
goto :end

:needjava
echo 请安装 Java 17 或更新的版本（例如 Eclipse Temurin 17 JRE），安装后重新打开窗口再运行； 1>&2
echo 也可以用环境变量 JAVA_HOME 指定 Java 的安装位置。 1>&2
echo zjlearn: Java 17 or newer is needed; install it, or point JAVA_HOME to it. 1>&2
set "ZJ_CODE=5"

:end
if not defined ZJ_CODE set "ZJ_CODE=0"
if defined ZJ_CP chcp %ZJ_CP% >nul
if defined ZJ_DROP if not defined ZJLEARN_JAVA_CHECK_ONLY pause
exit /b %ZJ_CODE%
