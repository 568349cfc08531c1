import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { DomainError, formatProblem, type Locale } from '@opendti/core';
import { Command, CommanderError, Option } from 'commander';
import { exportOpenApiDocument, renderOpenApiDocument } from '../openapi/export-openapi.js';
import { runAnalyse } from './commands/analyse-command.js';
import { listFrameworks, showFramework, validateFrameworkFile } from './commands/frameworks-command.js';
import { type PlanFormat, runPlanCheck, runPlanDraft } from './commands/plan-command.js';
import { runReport } from './commands/report-command.js';
import { runScore, type ScoreFormat } from './commands/score-command.js';
import { runBackup, runMigrate, runRestore, runServe, STARTUP_ERRORS } from './commands/serve-command.js';
import { runTemplate } from './commands/template-command.js';
import { createAdministratorCommand, listUsersCommand, resetPasswordCommand } from './commands/users-command.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

/** Exit codes: 0 done, 1 bad input (every problem printed), 2 wrong usage, 3 internal error. */
export const EXIT = { ok: 0, badInput: 1, usage: 2, internal: 3 } as const;

/**
 * The `opendti` command. Takes its arguments and I/O as parameters so that tests run it in-process;
 * `main.ts` wires it to the real process.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const envLocale: Locale = io.env.OPENDTI_LANG === 'en' ? 'en' : 'vi';
  let locale: Locale = envLocale;
  const program = new Command()
    .name('opendti')
    .description('OpenDTI — đánh giá chỉ số chuyển đổi số (digital transformation index assessment)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ thông báo / message language').choices(['vi', 'en']).default(envLocale))
    .option('--debug', 'in chi tiết lỗi nội bộ / print internal error details')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .hook('preAction', (command) => {
      locale = command.opts<{ lang: Locale }>().lang;
    });

  const frameworks = program.command('frameworks').description('bộ chỉ số / index frameworks');
  frameworks
    .command('list')
    .description('liệt kê các bộ chỉ số có sẵn / list the built-in frameworks')
    .addOption(new Option('--format <format>').choices(['table', 'json']).default('table'))
    .action((options: { format: 'table' | 'json' }) => io.stdout(listFrameworks(options.format, locale)));
  frameworks
    .command('show')
    .argument('<framework>', 'mã bộ chỉ số hoặc đường dẫn tệp / framework id or file')
    .description('cây chỉ số: mã, tên, điểm tối đa, cách chấm / the tree: codes, names, max points, methods')
    .addOption(new Option('--format <format>').choices(['table', 'json']).default('table'))
    .action((framework: string, options: { format: 'table' | 'json' }) =>
      io.stdout(showFramework(framework, options.format, locale)),
    );
  frameworks
    .command('validate')
    .argument('<file>', 'tệp YAML hoặc JSON / YAML or JSON file')
    .description('kiểm tra một tệp bộ chỉ số / check a framework file')
    .action((file: string) => io.stdout(validateFrameworkFile(file, locale)));

  program
    .command('template')
    .argument('<framework>', 'mã bộ chỉ số hoặc đường dẫn tệp / framework id or file')
    .requiredOption('--units <file>', 'danh sách đơn vị (CSV/XLSX: mã, tên) / unit list')
    .requiredOption('--output <file>', 'tệp XLSX sẽ tạo / XLSX file to write')
    .description('tạo bảng tính để đơn vị nhập liệu ngoại tuyến / spreadsheet for units to fill in offline')
    .action(async (framework: string, options: { units: string; output: string }) => {
      const written = await runTemplate({ framework, ...options });
      io.stdout(
        locale === 'vi'
          ? `Đã tạo ${options.output}: ${written.units} đơn vị × ${written.indicators} chỉ số thành phần\n`
          : `Wrote ${options.output}: ${written.units} units × ${written.indicators} indicators\n`,
      );
    });

  program
    .command('score')
    .description('chấm điểm và xếp hạng / score and rank a cohort')
    .requiredOption('--framework <framework>', 'mã bộ chỉ số hoặc đường dẫn tệp / framework id or file')
    .requiredOption('--input <file>', 'dữ liệu (CSV/XLSX) / answers (CSV/XLSX)')
    .addOption(
      new Option('--format <format>', 'định dạng kết quả / output format')
        .choices(['table', 'json', 'csv', 'xlsx'])
        .default('table'),
    )
    .option('--output <file>', 'ghi ra tệp thay vì màn hình / write to a file')
    .option('--previous <results.json>', 'kết quả năm trước để so sánh / last year’s results to compare with')
    .action(async (options: { framework: string; input: string; format: ScoreFormat; output?: string; previous?: string }) => {
      const text = await runScore({ ...options, locale });
      if (text !== undefined) io.stdout(text);
    });

  program
    .command('report')
    .description('văn bản Word/PDF: báo cáo kết quả, phụ lục quyết định, phiếu chấm điểm một đơn vị / official documents')
    .requiredOption('--framework <framework>', 'mã bộ chỉ số hoặc đường dẫn tệp / framework id or file')
    .requiredOption('--input <file>', 'dữ liệu (CSV/XLSX) hoặc results.json / answers (CSV/XLSX) or results.json')
    .requiredOption('--output <file>', 'tệp ghi ra / output file')
    .addOption(new Option('--format <format>', 'định dạng / format').choices(['docx', 'pdf']).default('docx'))
    .addOption(
      new Option('--kind <kind>', 'báo cáo hay phụ lục quyết định / report or decision appendix')
        .choices(['report', 'appendix'])
        .default('report'),
    )
    .option('--unit <code>', 'phiếu tổng hợp kết quả chấm điểm của đơn vị này / this unit’s score sheet')
    .option('--previous <results.json>', 'kết quả năm trước để so sánh / last year’s results to compare with')
    .option('--template <file.docx>', 'mẫu Word đã sửa / an edited Word template')
    .option('--header <file.json>', 'thông tin cơ quan ban hành, nơi nhận… / the province header settings')
    .option('--title <title>', 'tên kỳ đánh giá / the period’s name')
    .action(
      async (options: {
        framework: string;
        input: string;
        output: string;
        format: 'docx' | 'pdf';
        kind: 'report' | 'appendix';
        unit?: string;
        previous?: string;
        template?: string;
        header?: string;
        title?: string;
      }) => {
        const written = await runReport(options);
        io.stderr(`${options.output}: ${written.kind}, ${options.format} (${written.renderer})\n`);
      },
    );

  program
    .command('analyse')
    .alias('analyze')
    .description('phân tích một đơn vị: đạt tối đa, một phần, không đạt; giả định / analyse one unit, with what-if')
    .requiredOption('--framework <framework>', 'mã bộ chỉ số hoặc đường dẫn tệp / framework id or file')
    .requiredOption('--input <file>', 'dữ liệu (CSV/XLSX) / answers (CSV/XLSX)')
    .requiredOption('--unit <code>', 'mã đơn vị / unit code')
    .option('--what-if <codes>', 'các chỉ số giả định đạt tối đa, cách nhau bởi dấu phẩy / indicators raised to full marks')
    .addOption(new Option('--format <format>').choices(['text', 'json']).default('text'))
    .action(async (options: { framework: string; input: string; unit: string; whatIf?: string; format: 'text' | 'json' }) => {
      const whatIf = options.whatIf
        ?.split(',')
        .map((code) => code.trim())
        .filter(Boolean);
      io.stdout(await runAnalyse({ ...options, whatIf, locale }));
    });

  const plan = program.command('plan').description('kế hoạch nâng cao chỉ số / improvement plans');
  plan
    .command('draft')
    .description(
      'dự thảo nhiệm vụ theo chỉ số bị mất điểm, lợi ích lớn nhất trước / draft tasks for indicators losing points, largest gain first',
    )
    .requiredOption('--framework <framework>', 'mã bộ chỉ số hoặc đường dẫn tệp / framework id or file')
    .requiredOption('--input <file>', 'dữ liệu (CSV/XLSX) / answers (CSV/XLSX)')
    .option('--unit <code>', 'kế hoạch của một đơn vị / the plan of one unit')
    .option('--owners <owners.csv>', 'phân công chỉ số: indicator,lead,coordinating / indicator ownership')
    .option('--due <date>', 'thời hạn mặc định (mặc định 31/12 năm sau năm đánh giá) / default due date')
    .addOption(
      new Option('--format <format>', 'định dạng kết quả / output format')
        .choices(['table', 'json', 'csv', 'xlsx'])
        .default('table'),
    )
    .option('--output <file>', 'ghi ra tệp thay vì màn hình / write to a file')
    .action(
      async (options: {
        framework: string;
        input: string;
        unit?: string;
        owners?: string;
        due?: string;
        format: PlanFormat;
        output?: string;
      }) => {
        const text = await runPlanDraft({ ...options, locale });
        if (text !== undefined) io.stdout(text);
      },
    );
  plan
    .command('check')
    .description(
      'kiểm tra bảng nhiệm vụ của kế hoạch (.xlsx), báo lỗi từng dòng / check a plan’s task table (.xlsx), reporting every bad row',
    )
    .requiredOption('--framework <framework>', 'mã bộ chỉ số hoặc đường dẫn tệp / framework id or file')
    .requiredOption('--input <file>', 'bảng nhiệm vụ (.xlsx) / the task table (.xlsx)')
    .option('--units <file>', 'danh sách đơn vị (mã, tên) để kiểm tra mã đơn vị / units (code, name) to check unit codes against')
    .option('--date <date>', 'ngày ban hành kế hoạch (mặc định hôm nay) / the plan’s date (default today)')
    .action(async (options: { framework: string; input: string; units?: string; date?: string }) => {
      io.stdout(await runPlanCheck({ ...options, locale }));
    });

  program
    .command('serve')
    .description('chạy máy chủ (CSDL nhúng trong ./data nếu không đặt DATABASE_URL) / run the server')
    .action(async () => runServe(io.env, (line) => io.stdout(`${line}\n`)));
  program
    .command('migrate')
    .description('áp dụng migration cơ sở dữ liệu / apply database migrations')
    .action(async () => runMigrate(io.env, (line) => io.stdout(`${line}\n`)));
  program
    .command('backup')
    .argument('<file>', 'tệp sao lưu sẽ tạo (.gz) / backup file to write')
    .description('sao lưu cơ sở dữ liệu và tệp minh chứng / back up the database and evidence files')
    .action(async (file: string) => runBackup(io.env, file, (line) => io.stdout(`${line}\n`)));
  program
    .command('restore')
    .argument('<file>', 'tệp sao lưu / backup file')
    .description('khôi phục vào thư mục dữ liệu trống / restore into an empty data directory')
    .action(async (file: string) => runRestore(io.env, file, (line) => io.stdout(`${line}\n`)));

  const accounts = program.command('users').description('tài khoản, cho người vận hành máy chủ / accounts, for the operator');
  accounts
    .command('list')
    .description('liệt kê tài khoản / list the accounts')
    .action(async () => listUsersCommand(io.env, locale, io.stdout));
  accounts
    .command('reset-password')
    .argument('<username>', 'tên đăng nhập / username')
    .description('cấp mật khẩu tạm thời, phải đổi khi đăng nhập / set a temporary password, to be changed at sign-in')
    .action(async (username: string) => resetPasswordCommand(io.env, username, io.stdout));
  accounts
    .command('create-admin')
    .argument('<username>', 'tên đăng nhập / username')
    .option('--name <displayName>', 'họ tên / display name', 'Quản trị viên')
    .description('tạo quản trị viên với mật khẩu tạm thời / create an administrator with a temporary password')
    .action(async (username: string, options: { name: string }) =>
      createAdministratorCommand(io.env, username, options.name, io.stdout),
    );

  program
    .command('openapi')
    .description('in tài liệu OpenAPI của API / print the API’s OpenAPI document')
    .option('--output <file>', 'ghi ra tệp / write to a file')
    .action(async (options: { output?: string }) => {
      const text = renderOpenApiDocument(await exportOpenApiDocument());
      if (options.output) writeFileSync(options.output, text);
      else io.stdout(text);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; its own message has already been printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof DomainError) {
      for (const problem of error.problems) io.stderr(`${formatProblem(problem, locale)}\n`);
      // Anything the user can act on (bad input, a missing thing, a state conflict) is exit 1.
      return error.kind === 'internal' ? EXIT.internal : EXIT.badInput;
    }
    if (STARTUP_ERRORS.some((kind) => error instanceof kind)) {
      // Configuration and lock problems are the operator's to fix: say exactly what, no reference.
      io.stderr(`${(error as Error).message}\n`);
      return EXIT.usage;
    }
    const reference = randomUUID().slice(0, 8);
    io.stderr(`${formatProblem({ code: 'internal', params: { reference } }, locale)}\n`);
    if (program.opts<{ debug?: boolean }>().debug || io.env.OPENDTI_DEBUG) {
      io.stderr(`${(error as Error)?.stack ?? String(error)}\n`);
    }
    return EXIT.internal;
  }
}
