// The print layout of a bulletin page, made to look like its .docx (GB/T 9704-2012): A4 with the 公文 margins,
// 仿宋 3号 body on 28 lines per page, 小标宋 title. Only the bulletin page includes it.
export const BULLETIN_PRINT_CSS = `
.bulletin-doc { font-family: "FangSong", "仿宋_GB2312", "仿宋", "STFangsong", "Noto Serif CJK SC", serif; }
.bulletin-doc .bulletin-title, .bulletin-doc .bulletin-masthead { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif; }
.bulletin-doc .bulletin-h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; }
.bulletin-doc .bulletin-p { text-indent: 2em; line-height: 1.7; margin: 0.25em 0; text-align: justify; }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  html { font-size: 16pt; }
  .bulletin-doc { max-width: none; padding: 0; box-shadow: none; font-size: 16pt; }
  .bulletin-doc .bulletin-p { line-height: 22.78pt; margin: 0; }
  .bulletin-doc .bulletin-title { font-size: 22pt; line-height: 30pt; }
  .bulletin-doc .bulletin-h2 { font-size: 16pt; font-weight: normal; text-indent: 2em; line-height: 22.78pt; }
  .bulletin-doc section { break-inside: auto; }
  .bulletin-doc table { font-size: 10.5pt; break-inside: auto; }
}
`;
