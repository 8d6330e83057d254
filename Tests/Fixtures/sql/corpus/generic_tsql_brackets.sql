INSERT INTO [dw].[FactSales] ([DateKey], [ProductKey], [Amount])
SELECT d.[DateKey], p.[ProductKey], s.[Amount]
FROM [staging].[Sales] s
JOIN [dw].[DimDate] d ON d.[Date] = s.[SaleDate]
JOIN [dw].[DimProduct] p ON p.[Code] = s.[ProductCode];
