@echo off
rem zjlearn for developers on Windows: builds target\zjlearn.jar from this checkout when it is missing
rem (or when ZJLEARN_BUILD=1 is set: run it after changing the code), then runs it through the
rem distribution's launcher (src\dist\zjlearn.cmd: Java check, JAVA_OPTS, drag and drop, code page).
rem Clerks use the download instead (zjlearn-<version>.zip), which needs no build.
setlocal EnableExtensions DisableDelayedExpansion
set "ZJ_HERE=%~dp0.."
set "ZJ_JAR=%ZJ_HERE%\target\zjlearn.jar"
set "ZJ_BUILD=%ZJLEARN_BUILD%"
if not exist "%ZJ_JAR%" set "ZJ_BUILD=1"
if not defined ZJ_BUILD goto :run
set "ZJLEARN_JAVA_CHECK_ONLY=1"
call "%ZJ_HERE%\src\dist\zjlearn.cmd"
if errorlevel 1 exit /b 5
set "ZJLEARN_JAVA_CHECK_ONLY="
where mvn >nul 2>nul
if errorlevel 1 goto :nomaven
echo zjlearn: building target\zjlearn.jar (about a minute)... 1>&2
if not exist "%ZJ_HERE%\target" mkdir "%ZJ_HERE%\target"
pushd "%ZJ_HERE%"
call mvn -B -q -DskipTests package > "%ZJ_HERE%\target\build.log" 2>&1
set "ZJ_BUILT=%ERRORLEVEL%"
popd
if "%ZJ_BUILT%"=="0" goto :run
echo zjlearn: the build failed, see %ZJ_HERE%\target\build.log 1>&2
exit /b 5

:nomaven
echo zjlearn: building from source needs Maven (mvn); or use the download zjlearn-^<version^>.zip 1>&2
exit /b 5

:run
call "%ZJ_HERE%\src\dist\zjlearn.cmd" %*
exit /b %ERRORLEVEL%
