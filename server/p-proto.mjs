import { Document, Packer, Paragraph, TextRun, Table, TableRow, TableCell } from 'docx';
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import pdfmake from 'pdfmake';
import fs from 'node:fs';
const doc = new Document({ sections: [{ children: [
  new Paragraph({ children: [new TextRun({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM {issuingBody}', font: 'Times New Roman' })] }),
  new Table({ rows: [ new TableRow({ children: [new TableCell({ children: [new Paragraph('{#rows}{rank}')] }), new TableCell({ children: [new Paragraph('{name}{/rows}')] })] }) ] }),
  new Paragraph('{@chart}'),
]}]});
const buf = await Packer.toBuffer(doc);
const zip = new PizZip(buf);
const dt = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true });
dt.render({ issuingBody: 'ỦY BAN NHÂN DÂN', rows: [{ rank: 1, name: 'Sở Tư pháp' }, { rank: 2, name: 'Sở Y tế' }], chart: '<w:p><w:r><w:t>CHART</w:t></w:r></w:p>' });
fs.writeFileSync('/tmp/proto/out.docx', dt.getZip().generate({ type: 'nodebuffer' }));
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
chart.setOption({ animation: false, textStyle: { fontFamily: 'Liberation Serif' }, xAxis: { type: 'category', data: ['Sở Tư pháp', 'Sở Y tế'] }, yAxis: {}, series: [{ type: 'bar', data: [0.5, 0.7], label: { show: true } }] });
const svg = chart.renderToSVGString();
const png = new Resvg(svg, { font: { fontFiles: ['/tmp/lib2/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf'], loadSystemFonts: false, defaultFontFamily: 'Liberation Serif' }, fitTo: { mode: 'zoom', value: 2 } }).render().asPng();
fs.writeFileSync('/tmp/proto/chart.png', png);
const F = '/tmp/lib2/usr/share/fonts/truetype/liberation2/LiberationSerif-';
pdfmake.addFonts({ Serif: { normal: F + 'Regular.ttf', bold: F + 'Bold.ttf', italics: F + 'Italic.ttf', bolditalics: F + 'BoldItalic.ttf' } });
const pdf = pdfmake.createPdf({ defaultStyle: { font: 'Serif' }, content: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc; Nhận thức số 0,2849', { image: 'data:image/png;base64,' + png.toString('base64'), width: 400 }, { table: { body: [['Hạng', 'Đơn vị'], ['1', 'Sở Tư pháp']] } }] });
const b = await pdf.getBuffer();
fs.writeFileSync('/tmp/proto/out.pdf', b);
console.log('ok', b.length);
