<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../ui/AboutDialog.ui" line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AboutDialog.h" line="+103"/>
        <source>About JobDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AboutDialog.h" line="+1"/>
        <source>Complete Camunda 8 jobs by hand through the REST API, read why the server refused, and keep a record of what you did.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdHocPanel</name>
    <message>
        <location filename="../ui/AdHocPanel.ui" line="+13"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AdHocPanel.h" line="+115"/>
        <source>For jobs of an ad-hoc sub-process: the elements to activate next (by their BPMN id), each with its own variables, or that its completion condition is fulfilled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AdHocPanel.h" line="+6"/>
        <source>Sent as result.activateElements, in this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AdHocPanel.h" line="-4"/>
        <source>Element id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AdHocPanel.h" line="+2"/>
        <source>Variables (JSON object, optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AdHocPanel.h" line="+4"/>
        <source>&amp;Add element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AdHocPanel.h" line="+2"/>
        <source>Activate one more element of the ad-hoc sub-process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AdHocPanel.h" line="+2"/>
        <source>&amp;Remove element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AdHocPanel.h" line="+2"/>
        <source>Do not activate the selected element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AdHocPanel.h" line="+2"/>
        <source>Completion condition &amp;fulfilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AdHocPanel.h" line="+2"/>
        <source>Sent as result.isCompletionConditionFulfilled: the ad-hoc sub-process may complete (not together with elements to activate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AdHocPanel.h" line="+2"/>
        <source>Cancel &amp;remaining instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_AdHocPanel.h" line="+2"/>
        <source>Sent as result.isCancelRemainingInstances: cancel the elements of the ad-hoc sub-process that are still running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../ui/BatchDialog.ui" line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+628"/>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+37"/>
        <source>&amp;Complete jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="-36"/>
        <source>&amp;Input:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>Pasted keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>CSV or TSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>JSON Lines file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>Job search (Find jobs filter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+2"/>
        <source>Paste job keys: one per line, or separated by commas, spaces or semicolons, quoted or not, a column from a spreadsheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>&amp;Key column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>Preview (the first rows, with the JSON each cell is read as):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>Set the &amp;filter in Find jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>Payload for every job (a row&apos;s own variables are merged over it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>Use the &amp;form&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+2"/>
        <source>Take the variables, deny and reason from the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+3"/>
        <source>Apply a template&apos;s payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+2"/>
        <source>Variables as a JSON object, e.g. {&quot;approved&quot;: true}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>&amp;Deny (task listeners)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>User task corrections as JSON, e.g. {&quot;assignee&quot;: &quot;anna&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+6"/>
        <source>C&amp;oncurrency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-21"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="-5"/>
        <source>&amp;Look the jobs up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+2"/>
        <source>Plan with a look-up of every job (already completed, not found, failed, kind); off: every row is sent and the server&apos;s answer says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+2"/>
        <source>Stop on the first re&amp;fusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+2"/>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>S&amp;tart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>P&amp;ause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>Ca&amp;ncel batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>&amp;Export report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+15"/>
        <source>Resolve &amp;incidents (server-side)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="-13"/>
        <source>Resolves every active incident of the matching process instances through the cluster&apos;s own batch operation (Camunda 8.8 or later). Jobs with no retries left get retries first: the batch resolution does not raise them (camunda/camunda#41213).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>&amp;Process definition id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+22"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <location line="+4"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-17"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="-3"/>
        <source>Process &amp;instance keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>any (several: separated by commas or spaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>&amp;Element id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+2"/>
        <source>&amp;Retries for jobs with none left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>P&amp;lan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>Star&amp;t…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>&amp;Suspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_BatchDialog.h" line="+1"/>
        <source>&amp;Cancel operation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionBar</name>
    <message>
        <location filename="../ui/ConnectionBar.ui" line="+13"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ConnectionBar.h" line="+85"/>
        <source>The connection requests go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ConnectionBar.h" line="+3"/>
        <source>The API root every request is sent to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ConnectionBar.h" line="+2"/>
        <source>Test co&amp;nnection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ConnectionBar.h" line="+2"/>
        <source>Ask the gateway for its topology (GET /v2/topology)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindJobsDialog</name>
    <message>
        <location filename="../ui/FindJobsDialog.ui" line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+292"/>
        <source>Find jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>e.g. payment-service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>Process:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>process definition id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>Instance key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>process instance key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>Element:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>element id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>Worker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>worker name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>tenant id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>Error message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>exact error message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+2"/>
        <source>Failed with retries left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>Created after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <location line="+5"/>
        <source>2026-11-30T08:00:00Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="-3"/>
        <location line="+5"/>
        <source>Camunda 8.9 or later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="-3"/>
        <source>Updated after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+5"/>
        <source>Sort by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+2"/>
        <source>Descending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+2"/>
        <source>Copy the selected keys, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+2"/>
        <source>&amp;Copy keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+2"/>
        <source>Put the selected job&apos;s key into the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+2"/>
        <source>&amp;Open in form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FindJobsDialog.h" line="+1"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../ui/FirstStartDialog.ui" line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FirstStartDialog.h" line="+94"/>
        <source>Set up a connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FirstStartDialog.h" line="+1"/>
        <source>JobDesk has no connection yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FirstStartDialog.h" line="+1"/>
        <source>Tell it where your Camunda 8 cluster is, or try it against the local sandbox with demo jobs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FirstStartDialog.h" line="+1"/>
        <source>&amp;Create a connection profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FirstStartDialog.h" line="+2"/>
        <source>Enter the address and credentials of a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FirstStartDialog.h" line="+2"/>
        <source>Import from the &amp;environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FirstStartDialog.h" line="+1"/>
        <source>Import a Console c&amp;redentials file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FirstStartDialog.h" line="+2"/>
        <source>The file Camunda Console offers when you create an API client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FirstStartDialog.h" line="+2"/>
        <source>Try the local &amp;sandbox (demo jobs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FirstStartDialog.h" line="+1"/>
        <source>&amp;Use http://localhost:8080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_FirstStartDialog.h" line="+2"/>
        <source>A cluster on this machine without authentication (e.g. Camunda 8 Run)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobActionDialog</name>
    <message>
        <location filename="../ui/JobActionDialog.ui" line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+373"/>
        <source>Job action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>Change the job&apos;s retries and/or its timeout (PATCH /v2/jobs/{jobKey}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <location line="+11"/>
        <source>&amp;Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="-10"/>
        <location line="+5"/>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="-3"/>
        <source>1 or more; empty: unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <source>&amp;Timeout (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+3"/>
        <source>A new timeout from now, in milliseconds, for an activated job; empty: unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <source>Fail the job: hand it back to its workers (retries &gt; 0) or raise an incident on purpose (retries 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <source>0 (raises an incident)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <source>Retries left after this failure: 0 raises an incident, more hands the job back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <location line="+15"/>
        <source>Error &amp;message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="-14"/>
        <source>why it failed (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>Retry &amp;back-off (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <source>How long to wait before a worker may take the job again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <location line="+20"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <location line="+10"/>
        <location line="+11"/>
        <source>&amp;Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-29"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="-20"/>
        <source>{ } set on the job&apos;s scope (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>Throw a BPMN error for the job. When nothing catches it, an incident (UNHANDLED_ERROR_EVENT) is raised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>Error &amp;code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>matched against the catch events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <source>Required: the code a BPMN error catch event matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+3"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <source>{ } for the catching scope (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>Resolve one incident. For a job&apos;s incident, raise the job&apos;s retries first or the server refuses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>&amp;Incident key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>the incident to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>Resolve every incident of one process instance, as a batch operation on the server (Camunda 8.9 or later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>&amp;Process instance key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>the instance whose incidents to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>Set variables on a scope, for example to fix a failed job&apos;s input before resolving its incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>&amp;Scope key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>element or process instance key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <source>{&quot;name&quot;: value, …}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+1"/>
        <source>Set on this scope &amp;only (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <source>Without it, a variable that exists in a parent scope is updated there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <source>The exact request: method, URL, headers (secrets redacted) and body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobActionDialog.h" line="+2"/>
        <source>Copy as c&amp;url</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobCard</name>
    <message>
        <location filename="../ui/JobCard.ui" line="+38"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobCard.h" line="+184"/>
        <source>Look the job up again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobCard.h" line="+2"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobCard.h" line="+1"/>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobCard.h" line="+2"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobCard.h" line="+2"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobCard.h" line="+2"/>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobCard.h" line="+2"/>
        <source>Put the selected variables into the variables editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobCard.h" line="+2"/>
        <source>Copy selected into editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobCard.h" line="+2"/>
        <source>Replace the variables editor&apos;s text with every variable shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobCard.h" line="+2"/>
        <source>Copy all into editor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::AboutDialog</name>
    <message>
        <location filename="../src/gui/AboutDialog.cpp" line="+25"/>
        <source>Version %1 · Qt %2 (built with %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;&lt;b&gt;JobDesk&lt;/b&gt; is free software: you can redistribute it and/or modify it under the terms of the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License&lt;/a&gt;, version 3 or (at your option) any later version. It comes with &lt;b&gt;absolutely no warranty&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;It uses:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;a href=&quot;https://www.qt.io/&quot;&gt;Qt&lt;/a&gt; %1 — LGPL-3.0-only&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://github.com/frankosterfeld/qtkeychain&quot;&gt;QtKeychain&lt;/a&gt; — BSD-3-Clause&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://www.sqlite.org/&quot;&gt;SQLite&lt;/a&gt; (through Qt SQL) — public domain&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Camunda and Zeebe are trademarks of Camunda Services GmbH; JobDesk is not affiliated with Camunda.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::AdHocPanel</name>
    <message>
        <location filename="../src/gui/AdHocPanel.cpp" line="+103"/>
        <source>Element %1 to activate has no element id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The variables of element “%1” are not a JSON object: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Elements cannot be activated while the completion condition is fulfilled: the engine refuses the two together. Remove the elements or untick “Completion condition fulfilled”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The element id is missing: the id of a BPMN element inside the ad-hoc sub-process (not its name).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::BatchController</name>
    <message>
        <location filename="../src/gui/BatchController.cpp" line="+23"/>
        <source>&amp;Batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complete many jobs at once, or resolve incidents in bulk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Several job keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You pasted %1 job keys. One key field takes one job: complete them as a batch instead (a plan first, nothing is sent before you confirm)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open as a batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Batch operation in the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch operation %1 (%2) was being followed when JobDesk last ended. It went on in the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show its progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unfinished batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch %1 (%2, %3) was %4: %5 of %6 items are not done yet. The items that were being sent are looked up before anything is sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+22"/>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::BatchDialog</name>
    <message>
        <location filename="../src/gui/BatchDialogRun.cpp" line="+35"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/BatchDialog.cpp" line="+68"/>
        <source>Sent again: requests the server answered with back-pressure (503, 429), or that a look-up after an error found not applied, sent once more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Process instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error (as the server says)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Every job the Find jobs filter finds, read page by page:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../src/gui/BatchDialogRun.cpp" line="+44"/>
        <source>Set a filter in Find jobs first (Ctrl+Shift+J).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Batch input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tables and JSON Lines (*.csv *.tsv *.txt *.jsonl *.ndjson);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Batch %1 is being run by another JobDesk program (process %2, %3). Nothing was sent; resume it here once that program has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Batch %1 cannot be taken for this window: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+83"/>
        <location line="+101"/>
        <location filename="../src/gui/BatchDialogRun.cpp" line="+52"/>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-62"/>
        <source>%1 is too large for the window; use jobdesk-cli batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Job key (text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Variables as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>pasted keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>job search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/BatchDialogRun.cpp" line="-75"/>
        <source>The history is not open: a batch needs it to remember every item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The payload is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Planning: %1 rows read, %2 looked up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Planning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not planned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan again when the cluster is less busy, or without looking the jobs up (every row is sent; the server&apos;s answer says what each job was).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Batch %1: %2 rows, %3 to complete. Nothing has been sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>line %1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>bad rows (not in the batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Start the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/BatchDialog.cpp" line="-108"/>
        <source>%Ln key(s)</source>
        <translation>
            <numerusform>%Ln key</numerusform>
            <numerusform>%Ln keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln bad row(s), first: %1</source>
        <translation>
            <numerusform>%Ln bad row, first: %1</numerusform>
            <numerusform>%Ln bad rows, first: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/BatchDialogRun.cpp" line="-67"/>
        <source>… and %Ln more bad row(s)</source>
        <translation>
            <numerusform>… and %Ln more bad row</numerusform>
            <numerusform>… and %Ln more bad rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+64"/>
        <source>Complete %Ln job(s) on the PRODUCTION connection “%1”?</source>
        <translation>
            <numerusform>Complete %Ln job on the PRODUCTION connection “%1”?</numerusform>
            <numerusform>Complete %Ln jobs on the PRODUCTION connection “%1”?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Complete %Ln job(s) on “%1”?</source>
        <translation>
            <numerusform>Complete %Ln job on “%1”?</numerusform>
            <numerusform>Complete %Ln jobs on “%1”?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Complete %Ln job(s)</source>
        <translation>
            <numerusform>Complete %Ln job</numerusform>
            <numerusform>Complete %Ln jobs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The batch could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Batch %1: %Ln job(s) to complete.</source>
        <translation>
            <numerusform>Batch %1: %Ln job to complete.</numerusform>
            <numerusform>Batch %1: %Ln jobs to complete.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Batch %1 (%2, %3): %4 items, %5 not done yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The batch could not resume: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 of %2 — %3 completed, %4 skipped, %5 refused, %6 undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paused · %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pausing: %1 in flight finish first, %2 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 in flight, %2 waiting · %3/s · about %4 left · concurrency %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 sent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Finished in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled: the jobs not sent yet stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped at a refusal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped: the journal could not be written (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Export the batch report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Batch report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write the report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The attempt of job %1 is selected in the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attempt %1 of job %2 is in the history (filter the log by the key to see it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/BatchDialogServer.cpp" line="+25"/>
        <source>Cancel the batch operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel batch operation %1 in the cluster? Incidents not resolved yet stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Raising retries first: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Refused: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Planning: looking for the incidents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Following batch operation %1, started earlier; it went on in the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Resolve %Ln incident(s) on the PRODUCTION connection “%1”?</source>
        <translation>
            <numerusform>Resolve %Ln incident on the PRODUCTION connection “%1”?</numerusform>
            <numerusform>Resolve %Ln incidents on the PRODUCTION connection “%1”?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Resolve %Ln incident(s) on “%1”?</source>
        <translation>
            <numerusform>Resolve %Ln incident on “%1”?</numerusform>
            <numerusform>Resolve %Ln incidents on “%1”?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The retries of %Ln job(s) are raised to %1 first.</source>
        <translation>
            <numerusform>The retries of %Ln job are raised to %1 first.</numerusform>
            <numerusform>The retries of %Ln jobs are raised to %1 first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Resolve %Ln incident(s)</source>
        <translation>
            <numerusform>Resolve %Ln incident</numerusform>
            <numerusform>Resolve %Ln incidents</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Start the batch operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Batch operation %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retries raised first: %1 (refused: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Every incident was resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Some incidents were not resolved: see the errors below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::BatchItemsModel</name>
    <message>
        <location filename="../src/gui/BatchItemsModel.cpp" line="+152"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The problem the server answered with, or why the item was skipped, or how its outcome was confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::ConnectionBar</name>
    <message>
        <location filename="../src/gui/ConnectionBar.cpp" line="+53"/>
        <source>No profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · PRODUCTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>gateway %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Camunda version the gateway reports (GET /v2/topology)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>gateway %1 · %n partition(s)</source>
        <translation>
            <numerusform>gateway %1 · %n partition</numerusform>
            <numerusform>gateway %1 · %n partitions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(version unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> on %n broker(s)</source>
        <translation>
            <numerusform> on %n broker</numerusform>
            <numerusform> on %n brokers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connected, but the topology could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>HTTP %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — check the credentials of this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No answer from the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::ConnectionController</name>
    <message>
        <location filename="../src/gui/ConnectionController.cpp" line="+40"/>
        <source>Secret for this run only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 of profile “%2” (kept in memory until JobDesk quits):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Manage &amp;profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Connected to the local sandbox at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It serves demo jobs and stops when JobDesk quits. Set up a profile for a real cluster with Manage profiles….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The local sandbox did not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The profiles cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+22"/>
        <location line="+38"/>
        <source>The connection was not switched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+22"/>
        <location line="+38"/>
        <source>A request is in flight: wait for it or cancel it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-49"/>
        <source>The TLS material of this connection cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unknown profile “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No profiles are saved. Add one with Manage profiles….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved profiles: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Profile “%1” cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+98"/>
        <source>No keychain available: the secret is kept for this run only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-97"/>
        <source>JobDesk never writes secrets to a file. Install or unlock a Secret Service (e.g. GNOME Keyring) to keep them between runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No %1 is stored for profile “%2”: requests go without it. Set it with Manage profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 of profile “%2” cannot be read: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The TLS files of this profile cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profile “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>JobDesk never writes secrets to a file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::FindJobsDialog</name>
    <message>
        <location filename="../src/gui/FindJobsDialog.cpp" line="+32"/>
        <location line="+3"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none (the server&apos;s order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Needs Camunda 8.9 or later; this server reports %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>%n job(s) selected</source>
        <translation type="unfinished">
            <numerusform>%n job selected</numerusform>
            <numerusform>%n jobs selected</numerusform>
        </translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set filters and search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n matching job(s)</source>
        <translation type="unfinished">
            <numerusform>%n matching job</numerusform>
            <numerusform>%n matching jobs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2%3 matching jobs loaded; scroll for more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::FirstStartDialog</name>
    <message>
        <location filename="../src/gui/FirstStartDialog.cpp" line="+28"/>
        <source>Read the Camunda SDK variables (CAMUNDA_REST_ADDRESS, CAMUNDA_CLIENT_ID, …) of this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Camunda SDK variables (CAMUNDA_…, ZEEBE_…) are set in this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start jobdesk-sandbox on this machine with demo jobs; it stops when JobDesk quits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>jobdesk-sandbox was not found next to JobDesk or on PATH</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::HistoryController</name>
    <message>
        <location filename="../src/gui/HistoryController.cpp" line="+78"/>
        <source>Could not apply the retention setting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1; removed %n older attempt(s)</source>
        <translation type="unfinished">
            <numerusform>%1; removed %n older attempt</numerusform>
            <numerusform>%1; removed %n older attempts</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Export history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV for spreadsheets (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON with full requests and responses (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No history to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Exported %n attempt(s) to %1</source>
        <translation type="unfinished">
            <numerusform>Exported %n attempt to %1</numerusform>
            <numerusform>Exported %n attempts to %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::HistoryDetailsView</name>
    <message>
        <location filename="../src/gui/HistoryDetailsView.cpp" line="+93"/>
        <source>Select an attempt to see its request, the server&apos;s answer and what to do next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>no HTTP answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no outcome recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Job key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What it means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request was on its way when the program ended or was interrupted, so no answer was recorded. The server may have acted on it: look the job up before sending it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redirected to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not followed: check the base URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem details (every field, as sent):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Detail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+15"/>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+15"/>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>secrets redacted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::HistoryModel</name>
    <message>
        <location filename="../src/gui/HistoryModel.cpp" line="+268"/>
        <source>repair · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>PROD · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 (local)
%2 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (from %2) — a production profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
One step of a repair (link %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::JobActionDialog</name>
    <message>
        <location filename="../src/gui/JobActionDialog.cpp" line="+43"/>
        <source>Job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 · %2 · retries %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
Incident %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Update retries or timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fail job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Throw BPMN error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolve incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolve all incidents of the instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Copied the curl command.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::JobActionsController</name>
    <message>
        <location filename="../src/gui/JobActionsController.cpp" line="+54"/>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BPMN error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setting variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Update retries or timeout…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Fail job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throw BPMN &amp;error…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resolve &amp;incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve &amp;all incidents of the instance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set &amp;variables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Raise the retries, resolve the incident, then leave the job to its worker or complete it — step by step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Needs Camunda 8.9 or later (the server is %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+84"/>
        <source>Enter a valid job key first (Ctrl+L).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change a job in production?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This sends %1 %2 for %3 on the production connection “%4”. It cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send to production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent: cancelled at the production check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sending %1 %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 of %2 accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2: no answer from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 refused: %3 (HTTP %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source> — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
Next: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
Not recorded in the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Job %1 repaired and completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job %1 repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its retries were raised, its incident resolved, and it was completed by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its retries were raised and its incident resolved: a worker can take it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::JobCard</name>
    <message>
        <location filename="../src/gui/JobCard.cpp" line="+92"/>
        <source>Looking up job %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; (%2, process %3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This key may have been rounded by JavaScript or a spreadsheet. Did you mean %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Job %1 not found by the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No permission to read jobs (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This server cannot look jobs up (job search needs Camunda 8.8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The look-up was refused (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The job could not be looked up: no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Look-up cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>%1, instance %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Active incident %1: %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Incident unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Variables (reading…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the variables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The value is cut; refresh reads it whole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Variables (%n)</source>
        <translation type="unfinished">
            <numerusform>Variables (%n)</numerusform>
            <numerusform>Variables (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variables (not available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>More variables exist than are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n s ago</source>
        <translation type="unfinished">
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobDesk::JobForm</name>
    <message>
        <location filename="../src/gui/JobForm.cpp" line="+219"/>
        <source>Paste the key of the job to complete (from Operate, a log or the incident).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+76"/>
        <source> (and %n more duplicate keys)</source>
        <translation>
            <numerusform> (and %n more duplicate key)</numerusform>
            <numerusform> (and %n more duplicate keys)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The variables are larger than 4 MiB, Camunda&apos;s default maximum message size: the server will probably refuse them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1, %n top-level key(s)</source>
        <translation>
            <numerusform>%1, %n top-level key</numerusform>
            <numerusform>%1, %n top-level keys</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — over 4 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Enter a valid job key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the variables first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the result first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the lease token or business id first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A request is in flight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete the job (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete the job (Ctrl+Return). %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Enter a job key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::JobSearchModel</name>
    <message>
        <location filename="../src/gui/JobSearchModel.cpp" line="+122"/>
        <source>Job key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::JsonEditor</name>
    <message>
        <location filename="../src/gui/JsonEditor.cpp" line="+112"/>
        <source>Variables as one JSON object, e.g. {&quot;approved&quot;: true}. Empty: none.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::LogPanel</name>
    <message>
        <location filename="../src/gui/LogPanel.cpp" line="+125"/>
        <source>All outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problems only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BPMN errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident resolutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variables set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Load into form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy as ticket text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export filtered history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retention…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Filtering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot filter the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+100"/>
        <source>No history: attempts are not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No attempt matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No attempt with this outcome or action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No attempts yet: every request you send appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No history</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%Ln attempt(s)</source>
        <translation>
            <numerusform>%Ln attempt</numerusform>
            <numerusform>%Ln attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %Ln attempt(s)</source>
        <translation>
            <numerusform>%1 of %Ln attempt</numerusform>
            <numerusform>%1 of %Ln attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%1+ of %Ln attempt(s)</source>
        <translation>
            <numerusform>%1+ of %Ln attempt</numerusform>
            <numerusform>%1+ of %Ln attempts</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Copied job key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copied a summary of the attempt on job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copied the request as a curl command (secrets redacted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::MainWindow</name>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="+85"/>
        <location line="+197"/>
        <source>JobDesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Loaded the request of job %1 into the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot load this entry into the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its request body is not a job completion body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The history cannot be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
Requests can still be sent, but they are not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n attempt(s) without a recorded outcome</source>
        <translation type="unfinished">
            <numerusform>%n attempt without a recorded outcome</numerusform>
            <numerusform>%n attempts without a recorded outcome</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request went out and no answer was recorded (the program ended while it was on its way, or no answer came), so the server may or may not have acted on it. Unknown — look the job up before sending again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+179"/>
        <location line="+10"/>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The form is not complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complete a job in production?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This completes job %1 on the production connection “%2”. It cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complete in production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent: cancelled at the production check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+93"/>
        <source>The attempt could not be recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+56"/>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Job %1 completed with a denial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Job %1: sent, but the answer was lost — looking the job up to see what happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Job %1 completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Sending POST %1 — %2 s, times out in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Request for job %1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Job %1: no answer from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Job %1 not completed: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source> — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
Next: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send the form again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Repair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raise the retries, resolve the incident, then complete — step by step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Nothing to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied the request as a curl command (secrets redacted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing to preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Restored the form as you left it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The saved form could not be restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindowJob.cpp" line="+75"/>
        <source>&amp;Find jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copied the job&apos;s variables into the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>• Deny is ticked, but this is a %1 job, not a task listener: the server ignores the denial and completes the job, and the process moves on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>• Deny is ticked, but a task listener on %1 cannot be denied (only ASSIGNING, UPDATING and COMPLETING can): the server refuses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>• User-task corrections are set, but this is a %1 job: they are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>• User-task corrections are set, but a task listener on %1 takes none: the server refuses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>• Variables are set, but a task-listener job is completed without variables: the server refuses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>• The job is %1 already: the server will answer 404 or 409.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The form does not fit job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job %1 is %2 · %3 · %4.

%5

Send it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent: the form does not fit the job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The look-up&apos;s verdict could not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Job %1 completed — confirmed by lookup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The answer was lost, but the server did complete the job: it is %1 now. Do not send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Job %1 was not completed — safe to retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The answer was lost; the job is still %1, so the request was not applied. Sending it again is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Job %1: whether it was completed is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The answer was lost and the look-up could not tell: %1. Look the job up again (F5) before sending it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::MessageBanner</name>
    <message>
        <location filename="../src/gui/MessageBanner.cpp" line="+81"/>
        <source>Dismiss this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::ProfileEditorDialog</name>
    <message>
        <location filename="../src/gui/ProfileEditorDialog.cpp" line="+203"/>
        <source>A copy: enter its secret, then Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saved “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Nothing imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Imported from the environment; check the fields, then Save.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Camunda Console credentials file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported %1; check the fields, then Save.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>TLS files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-314"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+143"/>
        <source>new profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>No keychain available: the secret is kept for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The secret could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Removed “%1” and its stored secrets.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::ProfileForm</name>
    <message>
        <location filename="../src/gui/ProfileForm.cpp" line="+32"/>
        <source>Tag colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-11"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic (user name and password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth2 client credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+77"/>
        <source>leave empty to keep the stored one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing stored yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::ProfilePicker</name>
    <message>
        <location filename="../src/gui/ProfilePicker.cpp" line="+34"/>
        <source>&amp;Manage profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection profile requests use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The environment of the current connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No profile (address only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>NO PROFILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PRODUCTION</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::RepairPanel</name>
    <message>
        <location filename="../src/gui/RepairPanel.cpp" line="+82"/>
        <source>Repair job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looking job %1 up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Job %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Job %1 · %2 · %3 · retries %4
Process %5 (instance %6) · element %7 (instance %8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Incident %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The incident could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No open incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>3. Resolve the incident (none is open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3. Resolve the incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Repair a job in production?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This repairs job %1 on the production connection “%2”, one request per step:

%3

Each step changes the job or its process instance and cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Repair in production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent: cancelled at the production check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Looking the job up before the first step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (HTTP %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+42"/>
        <source>
Next: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-20"/>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Repaired: job %1 is completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repaired: job %1 can be taken by its worker again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopped at step %1: the server refused it; the steps after it were not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stopped at step %1: no answer came — the server may have applied it. Look the job up before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>
Not every step could be recorded in the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>Copied %n curl command(s), one per step.</source>
        <translation>
            <numerusform>Copied %n curl command, one per step.</numerusform>
            <numerusform>Copied %n curl commands, one per step.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobDesk::RequestPreviewDialog</name>
    <message>
        <location filename="../src/gui/RequestPreviewDialog.cpp" line="+31"/>
        <source>Request preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is exactly what Send transmits (secrets redacted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::ResultPanel</name>
    <message>
        <location filename="../src/gui/ResultPanel.cpp" line="+218"/>
        <source>The due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+121"/>
        <source>The follow-up date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-146"/>
        <source>%1 must be an RFC 3339 date-time such as 2026-12-31T17:00:00Z (or empty to clear it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The priority must be a whole number from 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Corrections cannot be sent together with Deny: a denied transition changes nothing. Untick Deny or the corrections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>User-task &amp;corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>User-task &amp;corrections (%n set)</source>
        <translation>
            <numerusform>User-task &amp;corrections (%n set)</numerusform>
            <numerusform>User-task &amp;corrections (%n set)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Chosen from the job: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the completion&apos;s result says: nothing, a task listener&apos;s verdict, or what an ad-hoc sub-process does next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a task listener on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a %1 job, not a task listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This job is %1: it cannot be denied (only task listeners on ASSIGNING, UPDATING and COMPLETING can).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This job is %1: it takes no user-task corrections.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::SaveTemplateDialog</name>
    <message>
        <location filename="../src/gui/SaveTemplateDialog.cpp" line="+69"/>
        <source>Give the template a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A template named “%1” exists. Choose another name or tick Replace.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::TemplatesDock</name>
    <message>
        <location filename="../src/gui/TemplatesDock.cpp" line="+16"/>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save form as template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a &amp;template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the form&apos;s variables and result as a reusable template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the templates panel and search it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show the templates &amp;panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A request is in flight: wait for it before applying a template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDesk::TemplatesPanel</name>
    <message>
        <location filename="../src/gui/TemplatesPanel.cpp" line="+45"/>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+99"/>
        <source>For jobs of type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+313"/>
        <source>Denies the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-307"/>
        <source>%1 — for this job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>⚠ %1 (cannot be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1
%2
The file was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Template “%1” applied to the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+25"/>
        <source>A template named “%1” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Template “%1” saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Template renamed to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Delete the template “%1”? Its file is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n templates? Their files are removed.</source>
        <translation>
            <numerusform>Delete %n template? Its file is removed.</numerusform>
            <numerusform>Delete %n templates? Their files are removed.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Deleted %n template(s)</source>
        <translation>
            <numerusform>Deleted %n template</numerusform>
            <numerusform>Deleted %n templates</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Templates exist already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These templates exist already: %1.

Replace them with the imported ones, or keep both (the imported ones get new names)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import cancelled: nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Imported %n template(s)</source>
        <translation>
            <numerusform>Imported %n template</numerusform>
            <numerusform>Imported %n templates</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JobDesk templates (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Export templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JobDesk templates (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Added %n starter template(s)</source>
        <translation>
            <numerusform>Added %n starter template</numerusform>
            <numerusform>Added %n starter templates</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Job type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Denies: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No variables</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobForm</name>
    <message>
        <location filename="../ui/JobForm.ui" line="+16"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+237"/>
        <source>Job &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+1"/>
        <source>e.g. 2251799813685249 (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>The job key (digits only). Pasted spaces, quotes and line breaks are removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>&amp;Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>Size of the variables as sent (UTF-8); Camunda refuses messages above 4 MiB by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>Indent the JSON (Ctrl+Shift+F); numbers and key order stay exactly as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>Compact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>Remove all insignificant whitespace; numbers and key order stay exactly as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+3"/>
        <source>The variables to set, as one JSON object (empty: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+3"/>
        <source>Click to go to the error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>L&amp;ease token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+1"/>
        <source>leased jobs only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>Sent as leaseToken (Camunda 8.10+): a leased job is completed only with the token of its current lease (ActivatedJobResult.leaseToken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>&amp;Business id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+1"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>Sent as businessId (Camunda 8.10+): assigned to the root process instance (1 to 256 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>&amp;Preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>Show the exact request that Send would make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>Copy as c&amp;url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>Copy the request as a curl command (secrets redacted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>Abort the request in flight (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_JobForm.h" line="+2"/>
        <source>Complete the job (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <location filename="../ui/LogPanel.ui" line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+168"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+6"/>
        <source>Show only attempts with this outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+7"/>
        <source>Put this attempt&apos;s job key, variables and result back into the form (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+2"/>
        <source>&amp;Load into form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+4"/>
        <source>Copy key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-60"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="-17"/>
        <source>Show only attempts whose job key, title, detail, connection or request body (a variable&apos;s name or value) contains this text (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+2"/>
        <source>Filter by key, text or variable (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+5"/>
        <source>Show only attempts of this action (completions, updates, repairs&apos; steps, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+8"/>
        <source>Copy the job key (Ctrl+C in the table); the arrow has the ticket text (Ctrl+Shift+C) and the curl command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+4"/>
        <source>Export the attempts shown (the current filter) as CSV or JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+2"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+2"/>
        <source>How much history to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+2"/>
        <source>Retention…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+2"/>
        <source>Reload the history (also picks up attempts made with jobdesk-cli)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_LogPanel.h" line="+2"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.ui" line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+183"/>
        <source>JobDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+28"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+1"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+1"/>
        <source>&amp;Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+1"/>
        <source>&amp;Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+1"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="-31"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+2"/>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+2"/>
        <source>Go to the &amp;job key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+2"/>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+2"/>
        <source>&amp;Format JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+2"/>
        <source>Ctrl+Shift+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+2"/>
        <source>&amp;Compact JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+1"/>
        <source>Filter the &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+2"/>
        <source>Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+2"/>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+1"/>
        <source>&amp;Cancel the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+2"/>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+2"/>
        <source>&amp;Preview request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+1"/>
        <source>Copy as c&amp;url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+1"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+1"/>
        <source>&amp;About JobDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../tmp/benchM/src/gui/ui_MainWindow.h" line="+1"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileEditorDialog</name>
    <message>
        <location filename="../ui/ProfileEditorDialog.ui" line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileEditorDialog.h" line="+143"/>
        <source>Connection profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileEditorDialog.h" line="+1"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileEditorDialog.h" line="+1"/>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileEditorDialog.h" line="+1"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileEditorDialog.h" line="+1"/>
        <source>Import from &amp;environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileEditorDialog.h" line="+1"/>
        <source>Import Console &amp;credentials file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileEditorDialog.h" line="+1"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../ui/ProfileForm.ui" line="+14"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+338"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>API &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>En&amp;vironment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+2"/>
        <source>#rrggbb; empty: the environment&apos;s colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+2"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>Colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>A&amp;uthentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>Token URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>Client ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>Audience:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>Scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>CA bundle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+2"/>
        <source>CA bundle (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+2"/>
        <source>Client certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+2"/>
        <source>Client certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+2"/>
        <source>Client key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+2"/>
        <source>Client key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+2"/>
        <source>Key passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>&amp;Timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>Default tenant &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+2"/>
        <source>The tenant requests are meant for (CAMUNDA_DEFAULT_TENANT_ID); empty: the server&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+2"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ProfileForm.h" line="+1"/>
        <source>Secrets are stored only in the system keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepairPanel</name>
    <message>
        <location filename="../ui/RepairPanel.ui" line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+235"/>
        <source>Repair job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+1"/>
        <source>Variables the job sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+1"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+1"/>
        <source>1. Set &amp;variables first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+1"/>
        <source>optional: {&quot;name&quot;: value, …} set on the job&apos;s element instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+1"/>
        <source>On the job&apos;s element instance &amp;only (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+1"/>
        <source>2. Set &amp;retries to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+1"/>
        <source>3. Resolve the incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+1"/>
        <source>4. Then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+1"/>
        <source>&amp;Leave it to its worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+1"/>
        <source>&amp;Complete it by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+3"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="-1"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+2"/>
        <source>Look &amp;up again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+1"/>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+2"/>
        <source>Every request of the plan: method, URL, headers (secrets redacted) and body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+2"/>
        <source>Copy as c&amp;url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+1"/>
        <source>&amp;Run repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RepairPanel.h" line="+1"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../ui/ResultPanel.ui" line="+25"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+238"/>
        <source>Task listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+1"/>
        <source>Ad-hoc sub-process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+5"/>
        <source>&amp;Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+2"/>
        <source>Deny the lifecycle transition (task listener jobs only): the user task stays as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+2"/>
        <source>Reason for denying (optional, shown to the user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+2"/>
        <source>Sent as result.deniedReason; only possible when denying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+2"/>
        <source>User-task &amp;corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+2"/>
        <source>Show or hide the optional corrections of the user task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+2"/>
        <source>Only for jobs of user-task listeners. Tick what to change; a ticked empty field clears the attribute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+1"/>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+1"/>
        <source>user id (empty: unassign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+1"/>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+1"/>
        <source>2026-12-31T17:00:00Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+5"/>
        <source>2026-12-24T09:00:00+01:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+5"/>
        <source>alice, bob</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+5"/>
        <source>sales, support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="-13"/>
        <location line="+5"/>
        <source>RFC 3339 date-time, sent as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-97"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="-31"/>
        <source>Res&amp;ult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+6"/>
        <source>What the completion&apos;s result says: nothing, a task listener&apos;s verdict, or what an ad-hoc sub-process does next. Chosen from the job once it is known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="-5"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+83"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+27"/>
        <source>Follow-up date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+5"/>
        <source>Candidate users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+3"/>
        <source>Comma-separated user ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+2"/>
        <source>Candidate groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+3"/>
        <source>Comma-separated group ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+2"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+1"/>
        <source>0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_ResultPanel.h" line="+2"/>
        <source>A whole number from 0 (lowest) to 100 (highest)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <location filename="../ui/RetentionDialog.ui" line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RetentionDialog.h" line="+125"/>
        <source>History retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RetentionDialog.h" line="+1"/>
        <source>How much of the attempt history to keep on this computer. Older entries are removed in the background, now and at every start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RetentionDialog.h" line="+1"/>
        <source>Keep &amp;everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RetentionDialog.h" line="+1"/>
        <source>Keep the last &amp;N entries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RetentionDialog.h" line="+1"/>
        <source>Keep the last &amp;D days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RetentionDialog.h" line="+1"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../../tmp/benchM/src/gui/ui_RetentionDialog.h" line="+1"/>
        <source>Removed entries cannot be restored. Export the history first if you may need it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveTemplateDialog</name>
    <message>
        <location filename="../ui/SaveTemplateDialog.ui" line="+8"/>
        <location filename="../../../tmp/benchM/src/gui/ui_SaveTemplateDialog.h" line="+112"/>
        <source>Save as template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_SaveTemplateDialog.h" line="+1"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../../tmp/benchM/src/gui/ui_SaveTemplateDialog.h" line="+1"/>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_SaveTemplateDialog.h" line="+1"/>
        <source>When to use it (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_SaveTemplateDialog.h" line="+1"/>
        <source>&amp;Job type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_SaveTemplateDialog.h" line="+1"/>
        <source>e.g. payment-service (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_SaveTemplateDialog.h" line="+2"/>
        <source>Templates for a job type are listed first when the form&apos;s job is of that type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_SaveTemplateDialog.h" line="+2"/>
        <source>&amp;Replace the existing template of this name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplatesPanel</name>
    <message>
        <location filename="../ui/TemplatesPanel.ui" line="+15"/>
        <location filename="../../../tmp/benchM/src/gui/ui_TemplatesPanel.h" line="+126"/>
        <source>Search templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../../tmp/benchM/src/gui/ui_TemplatesPanel.h" line="+2"/>
        <source>Filter by name, description or job type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_TemplatesPanel.h" line="+3"/>
        <source>Double-click or press Enter to apply a template to the form; F2 renames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../../tmp/benchM/src/gui/ui_TemplatesPanel.h" line="+2"/>
        <source>No templates yet. Save the form with Ctrl+S, import a file, or start with a few common ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../../tmp/benchM/src/gui/ui_TemplatesPanel.h" line="+1"/>
        <source>Add starter templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_TemplatesPanel.h" line="+2"/>
        <source>Adds a few common payloads (approve, deny with a reason, …) that you can edit or delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <location filename="../../../tmp/benchM/src/gui/ui_TemplatesPanel.h" line="+2"/>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_TemplatesPanel.h" line="+2"/>
        <source>Put this template&apos;s variables and result into the form (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_TemplatesPanel.h" line="+2"/>
        <source>Save form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_TemplatesPanel.h" line="+2"/>
        <source>Save the form&apos;s variables and result as a template (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../../tmp/benchM/src/gui/ui_TemplatesPanel.h" line="+2"/>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../tmp/benchM/src/gui/ui_TemplatesPanel.h" line="+2"/>
        <source>Rename, duplicate, delete, import, export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
